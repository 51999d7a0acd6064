using System.Text.Json;
using System.Text.Json.Serialization;
using Iskra.Csms.RemoteControl;

namespace Iskra.Server.Api;

/// <summary>
/// SPEC §2.2: a command answers <c>{"status": the station's status, "response": its raw reply}</c>,
/// plus the ids Iskra allocated for it (only those there are), so the client can follow it:
/// <c>remoteStartId</c> (find the session in <c>/api/transactions</c>), <c>reservationId</c>,
/// <c>requestId</c> (the OCPP requestId of the notifications that follow), <c>firmwareUpdateId</c>,
/// <c>uploadRequestId</c>; and <c>password</c>, the new password a rotation sent, shown once.
/// </summary>
public sealed record CommandResponse(
    string Status,
    JsonElement Response,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RemoteStartId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReservationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RequestId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirmwareUpdateId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? UploadRequestId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password = null)
{
    public static CommandResponse From(CommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var ids = outcome.Ids;
        return new(outcome.Status, outcome.Response, ids?.RemoteStartId, ids?.ReservationId, ids?.RequestId, ids?.FirmwareUpdateId, ids?.UploadRequestId);
    }
}
