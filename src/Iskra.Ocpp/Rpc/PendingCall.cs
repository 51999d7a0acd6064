using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>The one CALL we sent that waits for its CALLRESULT or CALLERROR.</summary>
internal sealed class PendingCall(string messageId, string action, OcppVersion version)
{
    private readonly TaskCompletionSource<JsonElement> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string MessageId { get; } = messageId;

    public string Action { get; } = action;

    public Task<JsonElement> Outcome => _outcome.Task;

    public void Complete(OcppFrame answer)
    {
        if (answer.MessageType == OcppMessageType.CallResult)
        {
            _outcome.TrySetResult(answer.Payload);
            return;
        }

        OcppErrorCode? code = OcppErrorCodes.TryParse(answer.ErrorCode, version, out var parsed) ? parsed : null;
        _outcome.TrySetException(new OcppCallErrorException(Action, answer.ErrorCode!, code, answer.ErrorDescription!, answer.Payload));
    }

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
