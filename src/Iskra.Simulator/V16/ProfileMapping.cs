using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.SmartCharging;
using StationProfile = Iskra.Simulator.SmartCharging.ChargingProfile;
using WireProfile = Iskra.Ocpp.V16.Messages.ChargingProfile;

namespace Iskra.Simulator.V16;

/// <summary>A 1.6 ChargingProfile (csChargingProfiles) as the station's version-neutral profile.</summary>
internal static class ProfileMapping
{
    public static StationProfile ToModel(WireProfile wire, int connectorId) => new()
    {
        Id = wire.ChargingProfileId,
        ConnectorId = connectorId,
        StackLevel = wire.StackLevel,
        Purpose = Purpose(wire.ChargingProfilePurpose),
        Kind = wire.ChargingProfileKind switch
        {
            ChargingProfileKindType.Recurring => ProfileKind.Recurring,
            ChargingProfileKindType.Relative => ProfileKind.Relative,
            _ => ProfileKind.Absolute,
        },
        Recurrency = wire.RecurrencyKind switch
        {
            RecurrencyKindType.Daily => Recurrency.Daily,
            RecurrencyKindType.Weekly => Recurrency.Weekly,
            _ => null,
        },
        ValidFrom = wire.ValidFrom,
        ValidTo = wire.ValidTo,
        Unit = Unit(wire.ChargingSchedule.ChargingRateUnit),
        StartSchedule = wire.ChargingSchedule.StartSchedule,
        Duration = wire.ChargingSchedule.Duration,
        Periods = [.. wire.ChargingSchedule.ChargingSchedulePeriod.OrderBy(p => p.StartPeriod).Select(p => new SchedulePeriod(p.StartPeriod, (double)p.Limit, p.NumberPhases))],
        MinChargingRate = (double?)wire.ChargingSchedule.MinChargingRate,
    };

    public static ProfilePurpose Purpose(ChargingProfilePurposeType purpose) => purpose switch
    {
        ChargingProfilePurposeType.ChargePointMaxProfile => ProfilePurpose.StationMax,
        ChargingProfilePurposeType.TxDefaultProfile => ProfilePurpose.TxDefault,
        _ => ProfilePurpose.Tx,
    };

    public static RateUnit Unit(ChargingRateUnitType unit) => unit == ChargingRateUnitType.A ? RateUnit.A : RateUnit.W;
}
