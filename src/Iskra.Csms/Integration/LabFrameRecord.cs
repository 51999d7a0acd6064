namespace Iskra.Csms.Integration;

/// <summary>One frame of a test-lab run's connection, kept as evidence with the run (secrets redacted).</summary>
public sealed class LabFrameRecord
{
    public required string RunId { get; set; }

    public int Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public bool FromStation { get; set; }

    public required string Frame { get; set; }
}
