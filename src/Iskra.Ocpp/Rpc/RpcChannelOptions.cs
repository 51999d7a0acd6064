namespace Iskra.Ocpp.Rpc;

/// <summary>Limits and timeouts of one <see cref="RpcChannel"/>.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>A bigger message closes the connection with 1009 (SPEC §2.1: 64 KiB).</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>The sustained rate of the flood guard; beyond it the connection closes with 1008.</summary>
    public double MaxMessagesPerSecond { get; set; } = 50;

    /// <summary>How many messages may arrive at once before the rate applies.</summary>
    public int MessageBurst { get; set; } = 200;

    /// <summary>
    /// The station's flood guard, kept by the server across connections; null gives the channel a
    /// fresh one from <see cref="MaxMessagesPerSecond"/> and <see cref="MessageBurst"/>.
    /// </summary>
    public FloodGuard? FloodGuard { get; set; }

    /// <summary>How long a CSMS call waits for its answer, including its wait for the call before it.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long we wait for the peer's close frame after sending ours before aborting.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Waited on before each frame is read (back-pressure); null reads frames as they come.</summary>
    public IReceiveGate? ReceiveGate { get; set; }

    /// <summary>How many received CALLs may wait for the handler; a well-behaved station sends one at a time.</summary>
    public int MaxQueuedCalls { get; set; } = 16;

    /// <summary>
    /// Makes the message id of each of our CALLs; null (the default) uses a new GUID per call. A test
    /// double sets it (the simulator's ReusesMessageIds fault sends every CALL under one id).
    /// </summary>
    public Func<string>? MessageIds { get; set; }
}
