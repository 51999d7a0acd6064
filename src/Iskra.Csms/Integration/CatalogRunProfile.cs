namespace Iskra.Csms.Integration;

/// <summary>The case counts of one feature profile in a <see cref="CatalogRun"/>.</summary>
public sealed class CatalogRunProfile
{
    public const int ProfileLength = 50;

    public long Id { get; set; }

    /// <summary>The <see cref="CatalogRun.Id"/> it belongs to.</summary>
    public long CatalogRunId { get; set; }

    public required string Profile { get; set; }

    public int Passed { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    public int NotApplicable { get; set; }
}
