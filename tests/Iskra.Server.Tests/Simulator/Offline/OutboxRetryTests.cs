using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>
/// A transaction message that the CSMS answers with a CALLERROR is sent again up to
/// TransactionMessageAttempts times, RetryInterval × attempts apart (1.6 §4.10, 2.0.1 E13.FR.xx), and a
/// lost connection is made again; against a scripted CSMS, since Iskra never refuses a transaction message.
/// </summary>
public sealed class OutboxRetryTests
{
    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_refused_transaction_message_is_retried_RetryInterval_times_attempts_apart(OcppVersion version)
    {
        await using var csms = await FakeCsms.StartAsync(version);
        var action = StartAction(version);
        csms.FailNext(action, 2);
        await using var station = await StartAsync(csms, "retry-" + version, version, attempts: 3);

        await StartSessionAsync(station);
        await station.WaitUntilAsync(_ => csms.CallsOf(action).Count >= 3, TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages == 0, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        var calls = csms.CallsOf(action);
        Assert.Equal(3, calls.Count);
        Assert.Single(calls.Select(c => c.Payload.GetRawText()).Distinct()); // the same message each time
        var tolerance = TimeSpan.FromMilliseconds(100);
        Assert.InRange(calls[1].At - calls[0].At, TimeSpan.FromSeconds(1) - tolerance, TimeSpan.FromSeconds(1.9));
        Assert.InRange(calls[2].At - calls[1].At, TimeSpan.FromSeconds(2) - tolerance, TimeSpan.FromSeconds(2.9));
        if (version == OcppVersion.V16)
        {
            Assert.Equal(1, station.Connector(1).Session!.CsmsTransactionId); // the third answer was read
        }
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_transaction_message_refused_TransactionMessageAttempts_times_is_given_up_and_the_next_goes_out(OcppVersion version)
    {
        await using var csms = await FakeCsms.StartAsync(version);
        var action = StartAction(version);
        csms.FailNext(action, 2);
        await using var station = await StartAsync(csms, "giveup-" + version, version, attempts: 2);

        await StartSessionAsync(station);
        await station.WaitUntilAsync(_ => csms.CallsOf(action).Count >= 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages == 0, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        var stop = version == OcppVersion.V16 ? "StopTransaction" : "TransactionEvent";
        await station.WaitUntilAsync(_ => csms.CallsOf(stop).Any(c => stop == "StopTransaction" || c.Payload.GetProperty("eventType").GetString() == "Ended"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var starts = csms.CallsOf(action).Where(c => action == "StartTransaction" || c.Payload.GetProperty("eventType").GetString() == "Started").ToList();
        Assert.Equal(2, starts.Count);
        Assert.Equal(0, station.QueuedTransactionMessages);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_connection_the_CSMS_drops_is_made_again_and_the_messages_of_the_gap_follow(OcppVersion version)
    {
        await using var csms = await FakeCsms.StartAsync(version);
        await using var station = await StartAsync(csms, "dropped-" + version, version, attempts: 3, sampleInterval: 1);
        await StartSessionAsync(station);
        await station.WaitUntilAsync(_ => csms.CallsOf(SampleAction(version)).Count >= 1, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        csms.DropConnection();
        await station.WaitUntilAsync(s => csms.Connections == 2 && s.IsOnline, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var before = csms.CallsOf(SampleAction(version)).Count;
        await station.WaitUntilAsync(_ => csms.CallsOf(SampleAction(version)).Count >= before + 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(2, station.Connections);
        Assert.Equal(2, csms.CallsOf("BootNotification").Count);
        Assert.Contains(station.Log.Entries, e => e.Kind == "note" && e.Text == "Disconnected.");
    }

    [Fact]
    public async Task Connections_lost_before_their_boot_is_accepted_back_off_further_each_time()
    {
        await using var csms = await FakeCsms.StartAsync(OcppVersion.V16);
        csms.DropsAtBoot = true;
        await using var station = new SimStation(new StationOptions
        {
            Id = "backoff-boot",
            CsmsUrl = csms.Url,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
            RandomSeed = 1,
        });
        station.Start();

        // Waits of 100, 200, 400, 800 ms steps (each at least half its step): the fifth connection comes ≥ 750 ms after the first.
        await station.WaitUntilAsync(_ => csms.Connections >= 5, TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        var at = csms.ConnectedAt;
        Assert.True(at[4] - at[3] >= TimeSpan.FromMilliseconds(400), $"the fourth wait was {at[4] - at[3]}");
        Assert.True(at[4] - at[0] >= TimeSpan.FromMilliseconds(750), $"four waits took {at[4] - at[0]}");
        Assert.Null(station.Registration);
    }

    internal static string StartAction(OcppVersion version) => version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent";

    private static string SampleAction(OcppVersion version) => version == OcppVersion.V16 ? "MeterValues" : "TransactionEvent";

    private static async Task<SimStation> StartAsync(FakeCsms csms, string id, OcppVersion version, int attempts, int sampleInterval = 0)
    {
        var station = new SimStation(new StationOptions
        {
            Id = id,
            Version = version,
            CsmsUrl = csms.Url,
            Tick = TimeSpan.FromMilliseconds(100),
            ActionDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            CallTimeout = TimeSpan.FromSeconds(5),
            Configuration = new Dictionary<string, string>
            {
                ["MeterValueSampleInterval"] = sampleInterval.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TransactionMessageAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TransactionMessageRetryInterval"] = "1",
            },
        });
        station.Start();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return station;
    }

    private static async Task StartSessionAsync(SimStation station)
    {
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        Assert.Equal("Accepted", await station.PresentCardAsync(1, "CARD-1"));
    }
}
