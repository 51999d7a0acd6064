namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>log.status</c>: one DiagnosticsStatusNotification (1.6, no requestId) or
/// LogStatusNotification (2.0.1) and the stored upload request it belongs to (null when none matches).
/// </summary>
public sealed record LogStatusData(string Status, int? RequestId, long? UploadRequestId);
