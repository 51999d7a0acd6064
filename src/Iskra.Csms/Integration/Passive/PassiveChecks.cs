using Iskra.Csms.Integration.Passive.Checks;

namespace Iskra.Csms.Integration.Passive;

/// <summary>One passive check as a report lists it: its stable id, a title, and the area it belongs to.</summary>
public sealed record PassiveCheck(string Id, string Title, string Area);

/// <summary>Every passive check (docs/passive-findings.md), in the order a field report lists them.</summary>
public static class PassiveChecks
{
    public static IReadOnlyList<PassiveCheck> All { get; } =
    [
        new(StatusAfterBootCheck.Id, "A StatusNotification after every accepted boot", "Communication"),
        new(HeartbeatCadenceCheck.Id, "Heartbeats at the interval the CSMS set", "Communication"),
        new(SchemaCheck.Id, "Messages that follow the schema", "Communication"),
        new(LateAnswerCheck.Id, "The CSMS's calls answered in time", "Communication"),
        new(MessageIdReuseCheck.Id, "A new message id for every call", "Communication"),
        new(TimestampZoneCheck.Id, "Timestamps with their time zone", "Clock"),
        new(ClockDriftCheck.Id, "A clock in step with the CSMS's", "Clock"),
        new(EnergyUnitCheck.LabelledWh, "Energy in the unit it is labelled with", "Metering"),
        new(EnergyUnitCheck.WithoutUnit, "Energy without a unit is in Wh", "Metering"),
        new(RegisterBackwardsCheck.Id, "An energy register that never goes backwards", "Metering"),
        new(MeterStopBelowStartCheck.Id, "meterStop not below meterStart", "Metering"),
        new(RemoteStartCheck.Id, "A transaction after an accepted remote start", "Transactions"),
    ];
}
