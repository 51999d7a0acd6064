using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Iskra.Csms.Authorization;
using Iskra.Csms.Stations;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Independent;

/// <summary>
/// Iskra against a station nobody here wrote: the npm package ocpp-rpc in strict mode, which checks
/// every call and every answer against the official OCPP schemas (tests/clients/run-station.mjs).
/// The client proves the answers; the database proves what Iskra understood.
/// </summary>
public sealed class OcppRpcClientTests
{
    private const string Password = "ocpp-rpc-strict-password-1";
    private const string IdTag = "RPC-TAG-1";
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);
    private static readonly SemaphoreSlim NpmInstall = new(1, 1);
    private static bool _installed;

    private static string ClientsFolder => Path.Combine(RepoRoot.Path, "tests", "clients");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ocpp_rpc_strict_client_completes_a_charging_session_on_1_6(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(provider, "RPC-16");

        var result = await RunStationAsync(server, "RPC-16", "ocpp1.6", Password, IdTag);

        var responses = result.GetProperty("responses");
        Assert.Equal("Accepted", responses.GetProperty("BootNotification").GetProperty("status").GetString());
        Assert.Equal("Accepted", responses.GetProperty("Authorize").GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal("Accepted", responses.GetProperty("StartTransaction").GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal("Accepted", responses.GetProperty("StopTransaction").GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal("UnknownVendorId", responses.GetProperty("DataTransfer").GetProperty("status").GetString());
        var transactionId = result.GetProperty("transactionId").GetInt32();
        Assert.Equal(transactionId, responses.GetProperty("StartTransaction").GetProperty("transactionId").GetInt32());

        await using var db = server.CreateDbContext();
        var station = await db.Stations.SingleAsync(s => s.Id == "RPC-16", ct);
        Assert.Equal(
            ("OcppRpcVendor", "StrictModel-16", "CPSN-16", "CBSN-16", "fw-1.6.0"),
            (station.Vendor, station.Model, station.SerialNumber, station.ChargeBoxSerialNumber, station.FirmwareVersion));
        Assert.Equal(
            ("8931000000000000016", "262010000000016", "MID-Meter", "MSN-16", "1.6"),
            (station.Iccid, station.Imsi, station.MeterType, station.MeterSerialNumber, station.OcppVersion));

        var connectors = await db.Connectors.Where(c => c.StationId == "RPC-16").OrderBy(c => c.ConnectorId).ToListAsync(ct);
        Assert.Equal(
            [(0, 0, "Available", "NoError"), (1, 1, "Finishing", "NoError")],
            connectors.Select(c => (c.EvseId, c.ConnectorId, c.Status, c.ErrorCode)));
        Assert.Equal(5, await db.StatusEvents.CountAsync(e => e.StationId == "RPC-16", ct));
        Assert.Equal(0, await db.Alarms.CountAsync(ct));

        var tx = await db.Transactions.SingleAsync(t => t.StationId == "RPC-16", ct);
        Assert.Equal(transactionId.ToString(CultureInfo.InvariantCulture), tx.TransactionId);
        Assert.Equal((1, 1, IdTag, "Accepted"), (tx.EvseId, tx.ConnectorId, tx.IdTag, tx.IdTagStatus));
        Assert.Equal((10000m, 12500m, 2500m), (tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh));
        Assert.Equal("EVDisconnected", tx.StopReason);
        Assert.Equal(Iskra.Csms.Transactions.TransactionProblems.None, tx.Problems);
        Assert.Equal(TimeSpan.FromSeconds(16), tx.StoppedAt - tx.StartedAt);

        var values = await db.MeterValues.Where(m => m.TransactionDbId == tx.Id).ToListAsync(ct);
        Assert.Equal(
            [
                ("10000", "Energy.Active.Import.Register", "Wh", "Transaction.Begin", null),
                ("10750", "Energy.Active.Import.Register", "Wh", "Sample.Periodic", "Outlet"),
                ("12500", "Energy.Active.Import.Register", "Wh", "Transaction.End", null),
                ("7360", "Power.Active.Import", "W", "Sample.Periodic", "Outlet"),
            ],
            values.Select(v => (v.Value, v.Measurand, v.Unit, v.Context, v.Location)).Order());
        Assert.All(values, v => Assert.Equal((1, 1), (v.EvseId, v.ConnectorId)));
        Assert.Equal(4, await db.MeterValues.CountAsync(ct));

        var notices = await db.Notices.Where(n => n.StationId == "RPC-16").OrderBy(n => n.Action).ToListAsync(ct);
        Assert.Equal(
            [
                ("DataTransfer", null, "org.ocpp-rpc.test"),
                ("DiagnosticsStatusNotification", null, "Uploaded"),
                ("FirmwareStatusNotification", null, "Downloaded"),
                ("SecurityEventNotification", null, "SettingSystemTime"),
            ],
            notices.Select(n => (n.Action, n.RequestId, n.Status)));
        Assert.NotNull(notices.Single(n => n.Action == "SecurityEventNotification").Timestamp);
        Assert.Contains("\"Hello\"", notices.Single(n => n.Action == "DataTransfer").Payload, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ocpp_rpc_strict_client_completes_a_charging_session_on_2_0_1(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(provider, "RPC-201");

        var result = await RunStationAsync(server, "RPC-201", "ocpp2.0.1", Password, IdTag);

        var responses = result.GetProperty("responses");
        Assert.Equal("Accepted", responses.GetProperty("BootNotification").GetProperty("status").GetString());
        Assert.Equal("Accepted", responses.GetProperty("Authorize").GetProperty("idTokenInfo").GetProperty("status").GetString());
        Assert.Equal("Accepted", responses.GetProperty("TransactionEvent:Started").GetProperty("idTokenInfo").GetProperty("status").GetString());
        Assert.False(responses.GetProperty("TransactionEvent:Updated").TryGetProperty("idTokenInfo", out _), "an event without idToken gets no idTokenInfo");
        Assert.Equal("UnknownVendorId", responses.GetProperty("DataTransfer").GetProperty("status").GetString());
        var transactionId = result.GetProperty("transactionId").GetString();

        await using var db = server.CreateDbContext();
        var station = await db.Stations.SingleAsync(s => s.Id == "RPC-201", ct);
        Assert.Equal(
            ("OcppRpcVendor", "StrictModel-201", "CSSN-201", "fw-2.0.1", "PowerUp", "2.0.1"),
            (station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion, station.LastBootReason, station.OcppVersion));
        Assert.Equal(("8931000000000000201", "262010000000201"), (station.Iccid, station.Imsi));

        var connector = await db.Connectors.SingleAsync(c => c.StationId == "RPC-201", ct);
        Assert.Equal((1, 1, "Available"), (connector.EvseId, connector.ConnectorId, connector.Status));

        var evt = await db.Events.SingleAsync(e => e.StationId == "RPC-201", ct);
        Assert.Equal(
            (1, "Delta", "Occupied", "HardWiredNotification", "Connector", 1, 1, "AvailabilityState"),
            (evt.EventId, evt.Trigger, evt.ActualValue, evt.EventNotificationType, evt.Component, evt.EvseId, evt.ConnectorId, evt.Variable));

        var tx = await db.Transactions.SingleAsync(t => t.StationId == "RPC-201", ct);
        Assert.Equal(transactionId, tx.TransactionId);
        Assert.Equal((1, 1, IdTag, "Accepted"), (tx.EvseId, tx.ConnectorId, tx.IdTag, tx.IdTagStatus));
        Assert.Equal((20000m, 22500m, 2500m), (tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh)); // kWh and the multiplier are applied
        Assert.Equal(("EVDisconnected", "Idle", 2), (tx.StopReason, tx.ChargingState, tx.LastSeqNo));
        Assert.Equal(Iskra.Csms.Transactions.TransactionProblems.None, tx.Problems);
        Assert.Equal(TimeSpan.FromSeconds(16), tx.StoppedAt - tx.StartedAt);
        var events = await db.TransactionEvents.Where(e => e.TransactionDbId == tx.Id).OrderBy(e => e.SeqNo).ToListAsync(ct);
        Assert.Equal(
            [(0, "Started", "Authorized"), (1, "Updated", "MeterValuePeriodic"), (2, "Ended", "EVCommunicationLost")],
            events.Select(e => (e.SeqNo, e.EventType, e.TriggerReason)));

        // The station's number is kept verbatim with its unitOfMeasure multiplier (11 W ×10³, 22.5 Wh ×10³).
        var values = await db.MeterValues.Where(m => m.TransactionDbId == tx.Id).ToListAsync(ct);
        Assert.Equal(
            [
                ("Energy.Active.Import.Register", "Wh", "Transaction.Begin"),
                ("Energy.Active.Import.Register", "Wh", "Transaction.End"),
                ("Energy.Active.Import.Register", "kWh", "Sample.Periodic"),
                ("Power.Active.Import", "W", "Sample.Periodic"),
            ],
            values.Select(v => (v.Measurand, v.Unit, v.Context)).Order());
        Assert.Equal("20000", values.Single(v => v.Context == "Transaction.Begin").Value);
        Assert.Equal("20.9", values.Single(v => v.Unit == "kWh").Value);
        Assert.Equal(("11", 3), (values.Single(v => v.Measurand == "Power.Active.Import").Value, values.Single(v => v.Measurand == "Power.Active.Import").Multiplier!.Value));
        Assert.Equal(("22.5", 3), (values.Single(v => v.Context == "Transaction.End").Value, values.Single(v => v.Context == "Transaction.End").Multiplier!.Value));
        Assert.Null(values.Single(v => v.Context == "Transaction.Begin").Multiplier);
        Assert.All(values, v => Assert.Equal((1, 1), (v.EvseId, v.ConnectorId)));

        var outside = await db.MeterValues.SingleAsync(m => m.TransactionDbId == null, ct);
        Assert.Equal(
            ("231.4", "Voltage", "L1-N", "V", "Sample.Clock", 1),
            (outside.Value, outside.Measurand, outside.Phase, outside.Unit, outside.Context, outside.EvseId));

        var report = await db.DeviceModel.Where(v => v.StationId == "RPC-201").OrderBy(v => v.Component).ToListAsync(ct);
        Assert.Equal(
            [
                ("ChargingStation", 0, "Model", "Actual", "StrictModel-201", "ReadOnly", "string", null, 4201),
                ("EVSE", 1, "Power", "MaxSet", "22000", "ReadOnly", "decimal", "W", 4201),
            ],
            report.Select(v => (v.Component, v.EvseId, v.Variable, v.AttributeType, v.Value, v.Mutability, v.DataType, v.Unit, v.ReportRequestId)));

        var notices = await db.Notices.Where(n => n.StationId == "RPC-201").OrderBy(n => n.Action).ToListAsync(ct);
        Assert.Equal(
            [
                ("DataTransfer", null, "org.ocpp-rpc.test"),
                ("FirmwareStatusNotification", 4202, "Downloading"),
                ("LogStatusNotification", 4203, "Uploaded"),
                ("SecurityEventNotification", null, "SettingSystemTime"),
            ],
            notices.Select(n => (n.Action, n.RequestId, n.Status)));
        Assert.NotNull(notices.Single(n => n.Action == "SecurityEventNotification").Timestamp);
        Assert.Equal(0, await db.Alarms.CountAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ocpp_rpc_client_with_a_wrong_password_is_refused_at_the_handshake(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(provider, "RPC-BAD");

        var (exitCode, output, error) = await RunScriptAsync(server, "RPC-BAD", "ocpp1.6", "not-the-password-at-all", IdTag);

        Assert.True(exitCode == 1, $"exit {exitCode}\nstderr:\n{error}\nstdout:\n{output}");
        Assert.Equal("", output.Trim());
        Assert.Contains("Unauthorized", error, StringComparison.Ordinal); // ocpp-rpc names the HTTP 401 by its reason phrase
        await server.FlushRefusalsAsync();
        await using var db = server.CreateDbContext();
        Assert.Null((await db.Stations.SingleAsync(s => s.Id == "RPC-BAD", ct)).Vendor);
        Assert.True(await db.ConnectionAttempts.AnyAsync(a => a.StationId == "RPC-BAD", ct));
    }

    private static async Task<IskraServer> StartAsync(string provider, string stationId)
    {
        var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.SeedAsync(db =>
        {
            db.Stations.Add(new Station
            {
                Id = stationId,
                SecurityProfile = 1,
                PasswordHash = StationPasswords.Hash(Password, Seed.Iterations),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            db.IdTags.Add(new IdTag { Value = IdTag, Status = IdTagStatus.Accepted, CreatedAt = DateTimeOffset.UtcNow });
        });
        return server;
    }

    /// <summary>Runs tests/clients/run-station.mjs against the server and returns the JSON line it printed.</summary>
    private static async Task<JsonElement> RunStationAsync(IskraServer server, string stationId, string protocol, string password, string idTag)
    {
        var (exitCode, output, error) = await RunScriptAsync(server, stationId, protocol, password, idTag);
        Assert.True(exitCode == 0, $"run-station.mjs {protocol} exited {exitCode}\nstderr:\n{error}\nstdout:\n{output}");

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        TestContext.Current.TestOutputHelper?.WriteLine($"run-station.mjs {protocol}: {line}");
        Assert.False(string.IsNullOrEmpty(line), $"run-station.mjs printed nothing\nstderr:\n{error}");
        using var document = JsonDocument.Parse(line);
        var result = document.RootElement.Clone();
        Assert.True(result.GetProperty("ok").GetBoolean(), line);
        return result;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(
        IskraServer server, string stationId, string protocol, string password, string idTag)
    {
        await EnsureClientsInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ClientsFolder,
            ArgumentList = { "run-station.mjs", $"ws://{server.BaseUri.Authority}/ocpp", stationId, protocol, password, idTag },
        };
        return await RunAsync(start, ClientTimeout);
    }

    /// <summary>Installs ocpp-rpc from the lock file once, when eng/test.sh has not done it already.</summary>
    private static async Task EnsureClientsInstalledAsync()
    {
        await NpmInstall.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_installed || File.Exists(Path.Combine(ClientsFolder, "node_modules", "ocpp-rpc", "package.json")))
            {
                _installed = true;
                return;
            }

            var npm = new ProcessStartInfo("npm") { WorkingDirectory = ClientsFolder, ArgumentList = { "ci", "--no-audit", "--no-fund", "--loglevel=error" } };
            var (exitCode, output, error) = await RunAsync(npm, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"npm ci in tests/clients exited {exitCode}\n{error}\n{output}");
            _installed = true;
        }
        finally
        {
            NpmInstall.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{start.FileName}' could not be started (is Node.js installed and on PATH?): {e.Message}");
            throw;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cancel.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                Assert.Fail($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}\nstderr:\n{await error}\nstdout:\n{await output}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
