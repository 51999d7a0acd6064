using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Control;

/// <summary>The faults by name (case-insensitive) with a one-line description each, for GET /faults and the CLI.</summary>
public static class FaultCatalog
{
    private static readonly Dictionary<StationFault, string> Descriptions = new()
    {
        [StationFault.NoStatusAfterBoot] = "Sends no StatusNotification after BootNotification.",
        [StationFault.KwhLabelledWh] = "Energy values are in kWh but labelled Wh.",
        [StationFault.EnergyWithoutUnit] = "Energy values carry no unit (and are in kWh).",
        [StationFault.NonMonotonicRegister] = "The energy register sometimes goes backwards.",
        [StationFault.MeterStopBelowStart] = "The final register of a transaction is lower than its start.",
        [StationFault.TimestampsWithoutZone] = "Timestamps carry no time zone.",
        [StationFault.DriftingClock] = "The station's clock drifts ahead by an hour and more every hour.",
        [StationFault.IgnoresHeartbeatInterval] = "Keeps its own heartbeat interval whatever the CSMS sets.",
        [StationFault.RejectsRemoteStart] = "Rejects every remote start.",
        [StationFault.NoTransactionAfterRemoteStart] = "Accepts a remote start and never starts the transaction.",
        [StationFault.ResultForUnknownAction] = "Answers unknown actions with an empty CALLRESULT instead of NotImplemented.",
        [StationFault.AnswersLate] = "Answers the CSMS's calls later than its timeout.",
        [StationFault.ReusesMessageIds] = "Uses the same message id for every CALL.",
        [StationFault.OutOfSchemaValues] = "Sends values outside the schema (too-long serial number, off-enum error code).",
        [StationFault.DropsQueuedTransactionMessages] = "Loses the transaction messages it queued while offline.",
        [StationFault.FirmwareStatusWithoutRequestId] = "Sends firmware status notifications without the request id.",
        [StationFault.IgnoresChargingLimits] = "Stores charging profiles and draws full power regardless.",
        [StationFault.NoMeterValues] = "Sends no meter values during a transaction (start and stop still carry theirs).",
    };

    /// <summary>Every fault, in declaration order.</summary>
    public static IReadOnlyList<FaultInfo> All { get; } =
        [.. Enum.GetValues<StationFault>().Select(f => new FaultInfo(f.ToString(), Describe(f)))];

    public static string Describe(StationFault fault) =>
        Descriptions.TryGetValue(fault, out var text) ? text : "See docs/simulator-faults.md.";

    /// <summary>The fault named <paramref name="name"/> (case-insensitive; numbers are not names).</summary>
    public static bool TryParse(string? name, out StationFault fault)
    {
        fault = default;
        return !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && name[0] != '-'
            && Enum.TryParse(name, ignoreCase: true, out fault) && Enum.IsDefined(fault);
    }
}
