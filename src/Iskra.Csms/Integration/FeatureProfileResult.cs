namespace Iskra.Csms.Integration;

/// <summary>
/// The cases of one feature profile in a lab run, by verdict (1.6 profile names such as <c>Core</c>,
/// <c>SmartCharging</c>; 2.0.1 runs use the same names for the blocks they map to). A case that does not
/// apply to the station counts in <see cref="NotApplicable"/> and nowhere else.
/// </summary>
public sealed record FeatureProfileResult(string Profile, int Passed, int Failed, int Skipped, int NotApplicable);
