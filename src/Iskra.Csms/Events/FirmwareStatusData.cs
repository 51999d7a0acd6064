namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>firmware.status</c>: one FirmwareStatusNotification, its <see cref="RequestId"/> (2.0.1;
/// null in 1.6) and the stored firmware update it belongs to (null when none matches, e.g. <c>Idle</c>).
/// </summary>
public sealed record FirmwareStatusData(string Status, int? RequestId, long? FirmwareUpdateId);
