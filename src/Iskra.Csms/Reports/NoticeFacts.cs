namespace Iskra.Csms.Reports;

/// <summary>What a stored notice is indexed by: its request id, its status or type, the station's time.</summary>
public readonly record struct NoticeFacts(int? RequestId = null, string? Status = null, DateTimeOffset? Timestamp = null);
