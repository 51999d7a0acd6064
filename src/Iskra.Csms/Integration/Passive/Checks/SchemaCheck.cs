using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// A CALL whose payload breaks its official schema: the router answered a schema CALLERROR
/// (OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.3), and the station's message was not taken.
/// </summary>
internal static class SchemaCheck
{
    public const string Id = "passive/out-of-schema";

    public static bool IsSchemaError(OcppErrorCode code) => code is OcppErrorCode.FormatViolation or OcppErrorCode.PropertyConstraintViolation
        or OcppErrorCode.OccurrenceConstraintViolation or OcppErrorCode.TypeConstraintViolation;

    public static Finding Build(OcppVersion version, string action, OcppErrorCode code, string description, EvidenceFrame frame) =>
        new(
            version == OcppVersion.V16 ? "OCPP-J 1.6 §4.2.3 (payload against the schema of the action)" : "OCPP 2.0.1 Part 4 §4.3 (payload against the schema of the action)",
            $"{action} valid against its official {version.DisplayName()} schema",
            $"{code.ToWire(version)}: {description}",
            "Validate outgoing messages against the official JSON schemas: respect maxLength (truncate or drop the field), send only enumeration values of this OCPP version, use the declared types.",
            [frame])
        {
            Check = Id,
        };
}
