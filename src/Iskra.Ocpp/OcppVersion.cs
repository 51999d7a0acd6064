namespace Iskra.Ocpp;

/// <summary>The OCPP versions Iskra speaks, each named by its WebSocket subprotocol.</summary>
public enum OcppVersion
{
    V16,
    V201,
}
