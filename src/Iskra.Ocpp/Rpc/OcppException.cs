using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Thrown by a handler to answer a CALL with a deliberate CALLERROR: the code (spelled for the
/// connection's version on the wire), the description and optional details.
/// </summary>
public sealed class OcppException : Exception
{
    public OcppException(OcppErrorCode errorCode, string description, JsonElement? details = null)
        : base($"{errorCode}: {description}")
    {
        ErrorCode = errorCode;
        Description = description;
        Details = details;
    }

    public OcppErrorCode ErrorCode { get; }

    public string Description { get; }

    public JsonElement? Details { get; }
}
