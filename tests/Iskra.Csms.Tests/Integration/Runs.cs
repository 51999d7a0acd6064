using Iskra.Csms.Integration;
using Iskra.Csms.Tests.Infrastructure;

namespace Iskra.Csms.Tests.Integration;

/// <summary>Lab run outcomes as the test lab reports them.</summary>
internal static class Runs
{
    private static int _next;

    public static FeatureProfileResult Core(int passed = 12, int failed = 0, int skipped = 0) => new("Core", passed, failed, skipped, 1);

    public static LabRunOutcome Of(string vendor, string model, string? firmware, params FeatureProfileResult[] profiles) =>
        new($"run-{Interlocked.Increment(ref _next)}", "LAB-1", vendor, model, firmware, "1.6", CsmsHarness.Start.AddMinutes(_next), profiles);
}
