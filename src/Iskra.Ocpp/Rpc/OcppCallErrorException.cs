using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>The station answered our CALL with a CALLERROR.</summary>
public sealed class OcppCallErrorException : Exception
{
    public OcppCallErrorException(string action, string errorCode, OcppErrorCode? code, string description, JsonElement details)
        : base($"The station answered {action} with {errorCode}: {description}")
    {
        Action = action;
        ErrorCode = errorCode;
        Code = code;
        Description = description;
        Details = details;
    }

    public string Action { get; }

    /// <summary>The error code exactly as the station sent it.</summary>
    public string ErrorCode { get; }

    /// <summary>The error code when it is one of the connection's version; null for an unknown code.</summary>
    public OcppErrorCode? Code { get; }

    public string Description { get; }

    /// <summary>The CALLERROR details object (owned by the exception).</summary>
    public JsonElement Details { get; }
}
