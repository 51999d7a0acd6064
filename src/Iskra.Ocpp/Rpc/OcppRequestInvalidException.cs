namespace Iskra.Ocpp.Rpc;

/// <summary>A call we were about to send violates the request's official schema; it was not sent.</summary>
public sealed class OcppRequestInvalidException(string action, OcppValidationError error)
    : Exception($"The {action} request violates the official schema at {error.Path}: {error.Message}")
{
    public string Action { get; } = action;

    public OcppValidationError Error { get; } = error;
}
