namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Why a frame could not be read: the code to answer with, the message id to answer to ("-1" when
/// none could be read), a text for the CALLERROR description, and the frame's message type when
/// it was readable (a malformed CALLRESULT or CALLERROR is reported, never answered).
/// </summary>
public readonly record struct OcppFrameError(
    OcppErrorCode Code,
    string MessageId,
    string Description,
    OcppMessageType? MessageType);
