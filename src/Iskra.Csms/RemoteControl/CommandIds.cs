namespace Iskra.Csms.RemoteControl;

/// <summary>
/// The ids Iskra allocated for a command, so a client can follow what comes of it: the session a
/// remote start begins, the reservation, the OCPP <c>requestId</c> its notifications will carry, the
/// firmware update or upload request Iskra tracks.
/// </summary>
public sealed record CommandIds(
    int? RemoteStartId = null,
    int? ReservationId = null,
    int? RequestId = null,
    long? FirmwareUpdateId = null,
    long? UploadRequestId = null);
