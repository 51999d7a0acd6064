namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// A charging profile as the station keeps it, version-neutral: one schedule (2.0.1 allows up to three
/// for ISO 15118; the station uses the first). <see cref="TransactionId"/> is the station's own id of
/// the transaction a TxProfile belongs to (<see cref="Model.ChargingSession.LocalId"/>).
/// </summary>
public sealed record ChargingProfile
{
    public required int Id { get; init; }

    /// <summary>The 1.6 connectorId or 2.0.1 evseId it is installed on; 0 for the whole station.</summary>
    public required int ConnectorId { get; init; }

    public required int StackLevel { get; init; }

    public required ProfilePurpose Purpose { get; init; }

    public ProfileKind Kind { get; init; } = ProfileKind.Absolute;

    public Recurrency? Recurrency { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public string? TransactionId { get; init; }

    /// <summary>The 2.0.1 chargingSchedule id (1.6 has none).</summary>
    public int? ScheduleId { get; init; }

    public RateUnit Unit { get; init; } = RateUnit.W;

    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>The schedule's duration in seconds; null: the last period lasts for ever.</summary>
    public int? Duration { get; init; }

    public required IReadOnlyList<SchedulePeriod> Periods { get; init; }

    public double? MinChargingRate { get; init; }

    /// <summary>When the station installed it: the anchor of an Absolute or Recurring profile without startSchedule.</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>True when the profile is valid at <paramref name="at"/> (validFrom inclusive, validTo exclusive).</summary>
    public bool ValidAt(DateTimeOffset at) => (ValidFrom is not { } from || from <= at) && (ValidTo is not { } to || at < to);
}
