namespace Iskra.Ocpp.Rpc;

/// <summary>
/// The one table of CALLERROR wire spellings per version: OCPP-J 1.6 §4.2.3 and OCPP-J 2.0.1 §4.3.
/// </summary>
public static class OcppErrorCodes
{
    private static readonly Dictionary<OcppErrorCode, string> V16 = new()
    {
        [OcppErrorCode.NotImplemented] = "NotImplemented",
        [OcppErrorCode.NotSupported] = "NotSupported",
        [OcppErrorCode.InternalError] = "InternalError",
        [OcppErrorCode.ProtocolError] = "ProtocolError",
        [OcppErrorCode.SecurityError] = "SecurityError",
        [OcppErrorCode.FormatViolation] = "FormationViolation",
        [OcppErrorCode.PropertyConstraintViolation] = "PropertyConstraintViolation",
        [OcppErrorCode.OccurrenceConstraintViolation] = "OccurenceConstraintViolation",
        [OcppErrorCode.TypeConstraintViolation] = "TypeConstraintViolation",
        [OcppErrorCode.GenericError] = "GenericError",
    };

    private static readonly Dictionary<OcppErrorCode, string> V201 = new()
    {
        [OcppErrorCode.FormatViolation] = "FormatViolation",
        [OcppErrorCode.GenericError] = "GenericError",
        [OcppErrorCode.InternalError] = "InternalError",
        [OcppErrorCode.MessageTypeNotSupported] = "MessageTypeNotSupported",
        [OcppErrorCode.NotImplemented] = "NotImplemented",
        [OcppErrorCode.NotSupported] = "NotSupported",
        [OcppErrorCode.OccurrenceConstraintViolation] = "OccurrenceConstraintViolation",
        [OcppErrorCode.PropertyConstraintViolation] = "PropertyConstraintViolation",
        [OcppErrorCode.ProtocolError] = "ProtocolError",
        [OcppErrorCode.RpcFrameworkError] = "RpcFrameworkError",
        [OcppErrorCode.SecurityError] = "SecurityError",
        [OcppErrorCode.TypeConstraintViolation] = "TypeConstraintViolation",
    };

    private static readonly Dictionary<string, OcppErrorCode> FromV16 = Invert(V16);
    private static readonly Dictionary<string, OcppErrorCode> FromV201 = Invert(V201);

    /// <summary>The wire spellings of one version, in the order of its specification.</summary>
    public static IReadOnlyCollection<string> Names(OcppVersion version) =>
        version == OcppVersion.V16 ? V16.Values : V201.Values;

    /// <summary>
    /// The spelling of <paramref name="code"/> in <paramref name="version"/>. The 2.0.1-only codes
    /// (RpcFrameworkError, MessageTypeNotSupported) become ProtocolError in 1.6.
    /// </summary>
    public static string ToWire(this OcppErrorCode code, OcppVersion version)
    {
        var table = version == OcppVersion.V16 ? V16 : V201;
        if (table.TryGetValue(code, out var name))
        {
            return name;
        }

        return version == OcppVersion.V16 ? V16[OcppErrorCode.ProtocolError] : V201[OcppErrorCode.GenericError];
    }

    /// <summary>
    /// Reads a wire code of <paramref name="version"/>; the other version's spelling of the same code
    /// (FormationViolation/FormatViolation, OccurenceConstraintViolation/OccurrenceConstraintViolation)
    /// is accepted too. A code the version does not have (e.g. RpcFrameworkError in 1.6) is not.
    /// </summary>
    public static bool TryParse(string? wire, OcppVersion version, out OcppErrorCode code)
    {
        if (wire is null)
        {
            code = default;
            return false;
        }

        var (own, other) = version == OcppVersion.V16 ? (FromV16, FromV201) : (FromV201, FromV16);
        if (own.TryGetValue(wire, out code))
        {
            return true;
        }

        // Only the two codes whose spelling differs cross over; the others would be new codes.
        return other.TryGetValue(wire, out code)
            && code is OcppErrorCode.FormatViolation or OcppErrorCode.OccurrenceConstraintViolation;
    }

    private static Dictionary<string, OcppErrorCode> Invert(Dictionary<OcppErrorCode, string> table) =>
        table.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
}
