namespace Iskra.Ocpp.Rpc;

/// <summary>Whether a frame came from the station or went to it.</summary>
public enum RpcFrameDirection
{
    Incoming,
    Outgoing,
}
