using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Control;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.TestLab.Tests.Runs;

/// <summary>
/// The real Iskra (SQLite) with short lab timings, one simulated station of the reference simulator, and
/// its control API on loopback, so a run's manual steps are performed by the simulator.
/// </summary>
public sealed class LabHarness : IAsyncDisposable
{
    private LabHarness(IskraServer server, SimulatorHost host, ControlServer control, SimStation station, string directory, TestCertificates? pki = null)
    {
        _pki = pki;
        Server = server;
        Host = host;
        Control = control;
        Station = station;
        _directory = directory;
        Api = server.Api();
    }

    private readonly string _directory;
    private readonly TestCertificates? _pki;

    public IskraServer Server { get; }

    public SimulatorHost Host { get; }

    public ControlServer Control { get; }

    public SimStation Station { get; }

    public HttpClient Api { get; }

    public static Task<LabHarness> StartAsync(string id, params StationFault[] faults) => StartAsync(id, null, faults);

    /// <summary>Like <see cref="StartAsync(string, StationFault[])"/>, with the station's options adjusted (e.g. its hardware).</summary>
    public static async Task<LabHarness> StartAsync(string id, Func<StationOptions, StationOptions>? adjust, params StationFault[] faults)
    {
        var directory = Directory.CreateTempSubdirectory("iskra-lab-").FullName;
        var server = await IskraServer.StartAsync(TestDatabase.Sqlite(Path.Combine(directory, "iskra.db")), new Dictionary<string, string?>
        {
            ["TestLab:StationTimeout"] = "00:00:08",
            ["TestLab:HeartbeatInterval"] = "2",
            ["TestLab:QuietPeriod"] = "00:00:01.500",
        });
        await server.StationAsync(id);
        var host = new SimulatorHost();
        var options = adjust is null ? Simulated(server, id) : adjust(Simulated(server, id));
        var station = host.Add(options);
        foreach (var fault in faults)
        {
            station.Faults.Set(fault, true);
        }

        host.Start(id);
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // boot statuses settle before the lab claims it
        return new LabHarness(server, host, ControlServer.Start(host, 0), station, directory);
    }

    /// <summary>
    /// Like <see cref="StartAsync(string, StationFault[])"/> on security profile 3 over real TLS: Iskra with a server certificate
    /// and <c>Ocpp:StationCaFile</c> naming a test CA, the station registered at profile 3 and connecting to the https endpoint
    /// with a client certificate of that CA (CN = its id) and no password.
    /// </summary>
    public static async Task<LabHarness> StartTlsAsync(string id)
    {
        var directory = Directory.CreateTempSubdirectory("iskra-lab-tls-").FullName;
        var pki = new TestCertificates("Iskra Lab Station CA");
        var serverCertificate = pki.Server();
        using (var serverKey = serverCertificate.GetECDsaPrivateKey()!)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "csms.crt"), serverCertificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "csms.key"), serverKey.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "station-ca.pem"), pki.AuthorityPem, TestContext.Current.CancellationToken);
        var server = await IskraServer.StartAsync(TestDatabase.Sqlite(Path.Combine(directory, "iskra.db")), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = Path.Combine(directory, "csms.crt"),
            ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = Path.Combine(directory, "csms.key"),
            ["Kestrel:Endpoints:Https:ClientCertificateMode"] = "AllowCertificate",
            ["Ocpp:StationCaFile"] = Path.Combine(directory, "station-ca.pem"),
            ["Csms:MaxFailedHandshakes"] = "1000", // refusals here all come from 127.0.0.1
            ["TestLab:StationTimeout"] = "00:00:08",
            ["TestLab:HeartbeatInterval"] = "2",
            ["TestLab:QuietPeriod"] = "00:00:01.500",
        });
        await server.StationAsync(id, securityProfile: 3);
        var https = server.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttps);
        var host = new SimulatorHost();
        var station = host.Add(Simulated(server, id) with
        {
            CsmsUrl = new Uri($"wss://{https.Authority}/ocpp"),
            Password = null,
            ClientCertificate = pki.Client(id),
            ServerCertificateAuthority = pki.Authority,
        });
        host.Start(id);
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // boot statuses settle before the lab claims it
        return new LabHarness(server, host, ControlServer.Start(host, 0), station, directory, pki);
    }

    /// <summary>A fast reference station: short ticks and reboots, meter values every second.</summary>
    public static StationOptions Simulated(IskraServer server, string id) => new()
    {
        Id = id,
        Version = OcppVersion.V16,
        CsmsUrl = new Uri($"ws://{server.BaseUri.Authority}/ocpp"),
        Password = Seed.Password,
        SerialNumber = "SIM-" + id,
        Connectors = [ConnectorOptions.Ac22kW],
        Tick = TimeSpan.FromMilliseconds(100),
        ActionDelay = TimeSpan.FromMilliseconds(50),
        RebootDowntime = TimeSpan.FromMilliseconds(300),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        CallTimeout = TimeSpan.FromSeconds(10),
        Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["ReserveConnectorZeroSupported"] = "true" },
    };

    /// <summary>The reference simulator's declaration: every 1.6 profile, one connector.</summary>
    public const string AllProfiles = """{"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger"],"connectors":1}""";

    /// <summary>Starts a run with the simulator as the hands at the station; returns its id.</summary>
    public async Task<string> StartRunAsync(string declared = AllProfiles, params string[] cases)
    {
        var selected = cases.Length == 0 ? "null" : "[" + string.Join(",", cases.Select(c => $"\"{c}\"")) + "]";
        var response = await Api.PostJsonAsync("/api/testlab/runs", $$"""{"stationId":"{{Station.Options.Id}}","declared":{{declared}},"simulatorControlUrl":"{{Control.BaseUri}}","cases":{{selected}}}""");
        var run = await response.JsonAsync(201);
        return run.GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the run is over and returns its view.</summary>
    public async Task<JsonElement> FinishedAsync(string runId, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(4));
        while (true)
        {
            var run = await (await Api.GetAsync($"/api/testlab/runs/{runId}", TestContext.Current.CancellationToken)).JsonAsync(200);
            var status = run.GetProperty("status").GetString();
            if (status is "passed" or "failed" or "cancelled" or "interrupted")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} still {status}: {run}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public static JsonElement Case(JsonElement run, string id) =>
        run.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Control.DisposeAsync();
        await Host.DisposeAsync();
        await Server.DisposeAsync();
        _pki?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held: the temp folder is cleaned by the system
        }
    }
}
