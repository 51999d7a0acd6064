namespace Iskra.Ocpp.Rpc;

/// <summary>The station did not answer our CALL in time (the wait for an earlier call counts too).</summary>
public sealed class OcppCallTimeoutException(string action, TimeSpan timeout)
    : TimeoutException($"The station did not answer {action} within {timeout.TotalSeconds:0.###} s.")
{
    public string Action { get; } = action;

    public TimeSpan Timeout { get; } = timeout;
}
