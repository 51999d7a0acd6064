using System.Security.Cryptography.X509Certificates;
using Iskra.Ocpp;
using Iskra.Simulator.Model;

namespace Iskra.Simulator.Stations;

/// <summary>Who a simulated station is, where it connects and how it is built.</summary>
public sealed record StationOptions
{
    public required string Id { get; init; }

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    /// <summary>The CSMS's OCPP endpoint without the station id, e.g. <c>ws://localhost:8180/ocpp</c>.</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>The Basic-auth password (security profiles 1 and 2); null sends no credentials.</summary>
    public string? Password { get; init; }

    /// <summary>A client certificate for TLS (security profile 3).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>A private CA that the CSMS's TLS certificate chains to (besides the system's trusted roots).</summary>
    public X509Certificate2? ServerCertificateAuthority { get; init; }

    public IReadOnlyList<ConnectorOptions> Connectors { get; init; } = [ConnectorOptions.Ac22kW, ConnectorOptions.Ac22kW];

    public string Vendor { get; init; } = "Iskra";

    public string Model { get; init; } = "Simulator";

    public string? SerialNumber { get; init; }

    public string FirmwareVersion { get; init; } = "1.0.0";

    /// <summary>How long after answering a command the station acts on it (starts, stops, reboots).</summary>
    public TimeSpan ActionDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a reboot keeps the station away.</summary>
    public TimeSpan RebootDowntime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The first reconnect delay; each failure doubles it (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the model advances EV charging and checks meter-value timers.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the station waits for the CSMS's answer to its own calls.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How late a station with <see cref="Faults.StationFault.AnswersLate"/> answers.</summary>
    public TimeSpan LateAnswerDelay { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>
    /// A back-up power source: on a power cut the station stops its transactions (reason PowerLoss) and reports
    /// them before it goes down, instead of after it comes back.
    /// </summary>
    public bool BackupPower { get; init; }

    /// <summary>Settings applied over the defaults, by their 1.6 configuration key names.</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>Seed of the station's randomness (back-off jitter); null for a random one.</summary>
    public int? RandomSeed { get; init; }
}
