namespace Iskra.Csms.Tariffs;

/// <summary>Why a session's cost needs review: meter data that could not be trusted as sent.</summary>
public static class CostFlags
{
    /// <summary>An energy register reading below an earlier one; the interval was priced at no energy.</summary>
    public const string RegisterWentBackwards = "RegisterWentBackwards";

    /// <summary>The stop register is below the start; the energy comes from the trusted readings only.</summary>
    public const string MeterStopBelowStart = "MeterStopBelowStart";

    /// <summary>Energy values a thousand times too small for the power drawn (kWh labelled, or defaulting to, Wh): priced as kWh.</summary>
    public const string EnergyUnitSuspect = "EnergyUnitSuspect";

    /// <summary>An energy step that implies more power than any charger delivers; the step was not billed.</summary>
    public const string ImplausibleEnergy = "ImplausibleEnergy";

    /// <summary>The same meter values arrived more than once; they were counted once.</summary>
    public const string DuplicateMeterValues = "DuplicateMeterValues";

    /// <summary>Two different register values for the same instant; the lower one was kept.</summary>
    public const string ConflictingReadings = "ConflictingReadings";

    /// <summary>No energy reading at all: only time and flat components could be priced.</summary>
    public const string NoMeterData = "NoMeterData";

    /// <summary>Every flag, in the order a cost lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RegisterWentBackwards, MeterStopBelowStart, EnergyUnitSuspect, ImplausibleEnergy, DuplicateMeterValues, ConflictingReadings, NoMeterData];

    /// <summary><paramref name="flags"/> once each, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> flags)
    {
        var set = flags.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(set.Contains)];
    }
}
