using Iskra.Csms.RemoteControl;

namespace Iskra.Csms.Security;

/// <summary>
/// The write-only security settings of a station: its Basic-auth password, as the 1.6 configuration key
/// <c>AuthorizationKey</c> (1.6 security whitepaper §7.2: "write-only, so that it cannot be accidentally
/// stored in plaintext by the Central System") and the 2.0.1 variable <c>SecurityCtrlr.BasicAuthPassword</c>
/// (2.0.1 part 2 appendix 3, WriteOnly). Iskra never stores, logs or shows their values (A01.FR.08, A01.FR.09).
/// </summary>
public static class SecretSettings
{
    /// <summary>What is stored and shown in place of a write-only value.</summary>
    public const string Redacted = "(redacted)";

    /// <summary>The 1.6 configuration key holding the station's password.</summary>
    public const string AuthorizationKey = "AuthorizationKey";

    /// <summary>The 2.0.1 variable holding the station's password.</summary>
    public static ComponentVariable BasicAuthPassword { get; } = new("SecurityCtrlr", "BasicAuthPassword");

    /// <summary>Whether the 1.6 key is a write-only secret (1.6 keys are CiString: case-insensitive).</summary>
    public static bool IsSecretKey(string? key) => string.Equals(key, AuthorizationKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the 2.0.1 component and variable name a write-only secret, whatever their instance or EVSE.</summary>
    public static bool IsSecretVariable(string? component, string? variable) =>
        string.Equals(component, BasicAuthPassword.Component, StringComparison.OrdinalIgnoreCase)
        && string.Equals(variable, BasicAuthPassword.Variable, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a change-configuration key names the station's password on either version:
    /// <c>AuthorizationKey</c>, or <c>SecurityCtrlr.BasicAuthPassword</c> in the dotted 2.0.1 form.
    /// </summary>
    public static bool IsPasswordKey(string? key) =>
        key is not null && (IsSecretKey(key) || (ConfigurationKeys.Resolve(key) is { } v && IsSecretVariable(v.Component, v.Variable)));

    /// <summary>The value to store for a setting: <see cref="Redacted"/> in place of a secret's value.</summary>
    public static string? Stored(bool secret, string? value) => secret && value is not null ? Redacted : value;
}
