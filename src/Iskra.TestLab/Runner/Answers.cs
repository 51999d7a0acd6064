using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.TestLab.Runner;

/// <summary>
/// How the lab answers the station's calls while it is the station's CSMS: a sensible default per action
/// (from the suite), and what the running case scripts on top (BootNotification Pending, Authorize
/// Invalid, a CALLERROR). A case's script is dropped when the case ends.
/// </summary>
public sealed class Answers
{
    private readonly Dictionary<string, Func<JsonElement, RpcReply>> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<JsonElement, RpcReply>> _scripted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Sets the default answer to <paramref name="action"/>.</summary>
    public void Default<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, Func<TRequest, TResponse> answer)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _defaults[action.Name] = Typed(action, answer);
        }
    }

    /// <summary>Answers <paramref name="action"/> with <paramref name="answer"/> until the case ends.</summary>
    public void Script<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, Func<TRequest, TResponse> answer)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _scripted[action.Name] = Typed(action, answer);
        }
    }

    /// <summary>Answers <paramref name="action"/> with a CALLERROR until the case ends.</summary>
    public void ScriptError(string action, OcppErrorCode code, string description)
    {
        lock (_gate)
        {
            _scripted[action] = _ => RpcReply.Error(code, description);
        }
    }

    /// <summary>Drops what the case scripted.</summary>
    public void ClearScript()
    {
        lock (_gate)
        {
            _scripted.Clear();
        }
    }

    /// <summary>The answer to a call; an action with neither script nor default gets NotSupported.</summary>
    public RpcReply Answer(string action, JsonElement payload)
    {
        Func<JsonElement, RpcReply>? answer;
        lock (_gate)
        {
            if (!_scripted.TryGetValue(action, out answer))
            {
                _defaults.TryGetValue(action, out answer);
            }
        }

        return answer is null
            ? RpcReply.Error(OcppErrorCode.NotSupported, $"The test lab does not handle {action}")
            : answer(payload);
    }

    private static Func<JsonElement, RpcReply> Typed<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, Func<TRequest, TResponse> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return payload =>
        {
            var request = payload.Deserialize(action.RequestType);
            return request is null
                ? RpcReply.Error(OcppErrorCode.FormatViolation, "empty payload")
                : RpcReply.Result(answer(request)!, action.ResponseType);
        };
    }
}
