namespace Iskra.TestLab.Runner;

/// <summary>
/// What the person starting a run declares about the model: the lab selects cases from it and
/// compares it with what the station reports (a difference is a finding). Field names are the API's.
/// </summary>
public sealed record Declared
{
    /// <summary>Feature profiles, as 1.6 <c>SupportedFeatureProfiles</c> names them (Core, FirmwareManagement, LocalAuthListManagement, Reservation, SmartCharging, RemoteTrigger) plus <c>Security</c>.</summary>
    public IReadOnlyList<string> FeatureProfiles { get; set; } = ["Core"];

    /// <summary>Connectors (1.6) or EVSEs (2.0.1); the lab uses connector 1 and, where a case needs two, connector 2.</summary>
    public int Connectors { get; set; } = 1;

    /// <summary>A cable fixed to the station (no socket to lock): the unlock cases differ.</summary>
    public bool FixedCable { get; set; }

    /// <summary>AC or DC.</summary>
    public string Current { get; set; } = "AC";

    /// <summary>How drivers identify: a card reader (RFID) and/or only remote start.</summary>
    public bool CardReader { get; set; } = true;

    /// <summary>Authorization from a local list and cache while offline.</summary>
    public bool OfflineAuthorization { get; set; } = true;

    /// <summary>The station can reserve the whole station (connectorId 0).</summary>
    public bool ReserveConnectorZero { get; set; } = true;

    /// <summary>A back-up power source: on a power failure the station stops its transactions before going down (OCTT 1.6 §2.13).</summary>
    public bool BackupPower { get; set; }

    /// <summary>A display that can show messages.</summary>
    public bool Display { get; set; }

    /// <summary>An id tag the station's reader presents for the driver (the simulator takes any).</summary>
    public string IdTag { get; set; } = "LAB-CARD-1";

    /// <summary>A second, different id tag (for cases that need two drivers).</summary>
    public string OtherIdTag { get; set; } = "LAB-CARD-2";

    /// <summary>Security profile the station is set up for (0 = none, 1 basic auth, 2 TLS + basic auth, 3 TLS client certificates).</summary>
    public int SecurityProfile { get; set; } = 1;

    public bool Supports(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var name = Normalize(profile);
        return FeatureProfiles.Any(p => string.Equals(Normalize(p), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The profile's 1.6 configuration name: "Local Auth List Management" → "LocalAuthListManagement".</summary>
    public static string Normalize(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var name = profile.Replace(" ", string.Empty, StringComparison.Ordinal);
        return name.StartsWith("Security", StringComparison.OrdinalIgnoreCase) ? "Security" : name;
    }
}
