using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Iskra.Ocpp;

/// <summary>
/// One action of a version's catalog (generated from the official schemas): its name, who calls
/// it, and the source-generated type info and validators of its request and response.
/// </summary>
public sealed record OcppAction(
    OcppVersion Version,
    string Name,
    OcppDirection Direction,
    JsonTypeInfo RequestType,
    JsonTypeInfo ResponseType,
    Func<JsonElement, OcppValidationError?> ValidateRequest,
    Func<JsonElement, OcppValidationError?> ValidateResponse);
