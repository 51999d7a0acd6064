namespace Iskra.Csms.Events;

/// <summary>The body of <c>finding.raised</c>: a passive check found something new about a station.</summary>
public sealed record FindingData(string Check, string Requirement, string Expected, string Observed, string? Vendor, string? Model, DateTimeOffset FirstSeen);
