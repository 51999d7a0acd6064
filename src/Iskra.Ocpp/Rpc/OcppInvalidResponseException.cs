using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// The station answered our CALL with a CALLRESULT that violates the response's official schema
/// (an empty <c>{}</c> for an action it does not support, a status outside the enumeration): the
/// call did not succeed, whatever the frame type says.
/// </summary>
public sealed class OcppInvalidResponseException : Exception
{
    public OcppInvalidResponseException(string action, OcppValidationError error, JsonElement response)
        : base($"The station's answer to {action} violates the official schema at {error.Path}: {error.Message}")
    {
        Action = action;
        Error = error;
        Response = response;
    }

    public string Action { get; }

    public OcppValidationError Error { get; }

    /// <summary>The CALLRESULT payload as received (owned by the exception).</summary>
    public JsonElement Response { get; }
}
