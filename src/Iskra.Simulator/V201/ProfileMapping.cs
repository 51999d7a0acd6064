using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.SmartCharging;
using StationProfile = Iskra.Simulator.SmartCharging.ChargingProfile;

namespace Iskra.Simulator.V201;

/// <summary>A 2.0.1 ChargingProfileType as the station's version-neutral profile, and back for ReportChargingProfiles.</summary>
internal static class ProfileMapping
{
    /// <summary>The station's profile; null for ChargingStationExternalConstraints, which the CSMS may not set (K01.FR.22).</summary>
    public static StationProfile? ToModel(ChargingProfileType wire, int evseId)
    {
        if (Purpose(wire.ChargingProfilePurpose) is not { } purpose)
        {
            return null;
        }

        var schedule = wire.ChargingSchedule[0];
        return new()
        {
            Id = wire.Id,
            ConnectorId = evseId,
            StackLevel = wire.StackLevel,
            Purpose = purpose,
            Kind = wire.ChargingProfileKind switch
            {
                ChargingProfileKindEnumType.Recurring => ProfileKind.Recurring,
                ChargingProfileKindEnumType.Relative => ProfileKind.Relative,
                _ => ProfileKind.Absolute,
            },
            Recurrency = wire.RecurrencyKind switch
            {
                RecurrencyKindEnumType.Daily => Recurrency.Daily,
                RecurrencyKindEnumType.Weekly => Recurrency.Weekly,
                _ => null,
            },
            ValidFrom = wire.ValidFrom,
            ValidTo = wire.ValidTo,
            ScheduleId = schedule.Id,
            Unit = Unit(schedule.ChargingRateUnit),
            StartSchedule = schedule.StartSchedule,
            Duration = schedule.Duration,
            Periods = [.. schedule.ChargingSchedulePeriod.OrderBy(p => p.StartPeriod).Select(p => new SchedulePeriod(p.StartPeriod, (double)p.Limit, p.NumberPhases))],
            MinChargingRate = (double?)schedule.MinChargingRate,
        };
    }

    public static ChargingProfileType ToWire(StationProfile profile) => new()
    {
        Id = profile.Id,
        StackLevel = profile.StackLevel,
        ChargingProfilePurpose = profile.Purpose switch
        {
            ProfilePurpose.StationMax => ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
            ProfilePurpose.TxDefault => ChargingProfilePurposeEnumType.TxDefaultProfile,
            _ => ChargingProfilePurposeEnumType.TxProfile,
        },
        ChargingProfileKind = profile.Kind switch
        {
            ProfileKind.Recurring => ChargingProfileKindEnumType.Recurring,
            ProfileKind.Relative => ChargingProfileKindEnumType.Relative,
            _ => ChargingProfileKindEnumType.Absolute,
        },
        RecurrencyKind = profile.Recurrency switch
        {
            Recurrency.Daily => RecurrencyKindEnumType.Daily,
            Recurrency.Weekly => RecurrencyKindEnumType.Weekly,
            _ => null,
        },
        ValidFrom = profile.ValidFrom,
        ValidTo = profile.ValidTo,
        TransactionId = profile.TransactionId,
        ChargingSchedule =
        [
            new ChargingScheduleType
            {
                Id = profile.ScheduleId ?? profile.Id,
                StartSchedule = profile.StartSchedule,
                Duration = profile.Duration,
                ChargingRateUnit = profile.Unit == RateUnit.A ? ChargingRateUnitEnumType.A : ChargingRateUnitEnumType.W,
                ChargingSchedulePeriod = [.. profile.Periods.Select(p => new ChargingSchedulePeriodType { StartPeriod = p.StartPeriod, Limit = (decimal)p.Limit, NumberPhases = p.NumberPhases })],
                MinChargingRate = (decimal?)profile.MinChargingRate,
            },
        ],
    };

    public static ProfilePurpose? Purpose(ChargingProfilePurposeEnumType purpose) => purpose switch
    {
        ChargingProfilePurposeEnumType.ChargingStationMaxProfile => ProfilePurpose.StationMax,
        ChargingProfilePurposeEnumType.TxDefaultProfile => ProfilePurpose.TxDefault,
        ChargingProfilePurposeEnumType.TxProfile => ProfilePurpose.Tx,
        _ => null,
    };

    public static RateUnit Unit(ChargingRateUnitEnumType unit) => unit == ChargingRateUnitEnumType.A ? RateUnit.A : RateUnit.W;
}
