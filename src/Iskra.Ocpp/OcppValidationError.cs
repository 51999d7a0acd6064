using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp;

/// <summary>
/// One schema violation found by a generated validator: the OCPP error code it maps to, the JSON
/// path of the offending value (e.g. <c>$.idTagInfo.status</c>) and a human-readable reason.
/// </summary>
public sealed record OcppValidationError(OcppErrorCode Code, string Path, string Message);
