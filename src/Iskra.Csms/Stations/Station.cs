namespace Iskra.Csms.Stations;

/// <summary>A registered charging station: what the operator set, and what the station told us at boot.</summary>
public sealed class Station
{
    public required string Id { get; set; }

    public string? Description { get; set; }

    /// <summary>0 = no credentials, 1 = Basic auth, 2 = Basic auth over TLS, 3 = TLS client certificate.</summary>
    public int SecurityProfile { get; set; } = 1;

    /// <summary>The password hash (PBKDF2, see <see cref="StationPasswords"/>); null for profiles 0 and 3.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>
    /// The hash of a new password the station accepted over OCPP (rotation, 2.0.1 A01 / 1.6 security whitepaper A01),
    /// not used by it yet: both are accepted until its first login with the new one, which replaces <see cref="PasswordHash"/>.
    /// </summary>
    public string? PendingPasswordHash { get; set; }

    public RegistrationState RegistrationStatus { get; set; } = RegistrationState.Accepted;

    /// <summary>"1.6" or "2.0.1": the version of the last connection.</summary>
    public string? OcppVersion { get; set; }

    public string? Vendor { get; set; }

    public string? Model { get; set; }

    public string? SerialNumber { get; set; }

    public string? FirmwareVersion { get; set; }

    public string? ChargeBoxSerialNumber { get; set; }

    public string? Iccid { get; set; }

    public string? Imsi { get; set; }

    public string? MeterType { get; set; }

    public string? MeterSerialNumber { get; set; }

    public string? LastBootReason { get; set; }

    public DateTimeOffset? LastBootAt { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset? LastConnectedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
