namespace Iskra.Ocpp.Rpc;

/// <summary>
/// CALLERROR codes of both versions, version-neutral. Their wire spellings differ between
/// OCPP-J 1.6 (§4.2.3) and OCPP-J 2.0.1 (§4.3); <see cref="OcppErrorCodes"/> holds the one table.
/// </summary>
public enum OcppErrorCode
{
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    /// <summary>1.6 "FormationViolation", 2.0.1 "FormatViolation".</summary>
    FormatViolation,
    PropertyConstraintViolation,
    /// <summary>1.6 "OccurenceConstraintViolation", 2.0.1 "OccurrenceConstraintViolation".</summary>
    OccurrenceConstraintViolation,
    TypeConstraintViolation,
    GenericError,
    /// <summary>2.0.1 only; 1.6 uses <see cref="ProtocolError"/>.</summary>
    RpcFrameworkError,
    /// <summary>2.0.1 only; 1.6 uses <see cref="ProtocolError"/>.</summary>
    MessageTypeNotSupported,
}
