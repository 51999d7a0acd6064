namespace Iskra.Simulator.Protocol;

/// <summary>One sampled value, version-neutral: measurand, value, unit, and phase/location when they apply.</summary>
public sealed record MeterReading(string Measurand, double Value, string? Unit, string? Phase = null, string Location = "Outlet");
