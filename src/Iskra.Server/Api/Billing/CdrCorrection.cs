namespace Iskra.Server.Api.Billing;

/// <summary>The body of <c>POST /api/cdrs/{id}/corrections</c>: why, and optionally the tariff to price the session with instead.</summary>
public sealed record CdrCorrection(string Reason, string? TariffId);
