namespace Iskra.Ocpp.Rpc;

/// <summary>The MessageTypeId of an OCPP-J frame (OCPP-J 1.6 §4.1.3, 2.0.1 §4.1).</summary>
public enum OcppMessageType
{
    Call = 2,
    CallResult = 3,
    CallError = 4,
}
