using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>
/// A station that loses its network mid-session keeps charging and sampling, queues its transaction
/// messages, and delivers them to Iskra in order and exactly once when the network returns
/// (1.6 §4.10 / 2.0.1 E04, E13).
/// </summary>
public sealed class OfflineTransactionTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_session_that_samples_and_stops_offline_reaches_Iskra_once_and_in_order(OcppVersion version)
    {
        var id = "off-stop-" + version;
        await Server.IdTagAsync("T-" + id);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        await station.StartSessionAsync(1, "T-" + id);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        await station.GoOfflineAsync();
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages >= 3, TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        var queued = station.QueuedTransactionMessages;
        await station.BackOnlineAsync();

        var sent = TransactionMessages(station);
        Assert.Equal(sent.Count, sent.Select(m => m.Payload.GetRawText()).Distinct().Count()); // nothing sent twice
        var stamps = sent.Select(m => Stamp(m.Payload)).ToList();
        Assert.Equal(stamps.Order(), stamps); // in the order they happened
        Assert.Equal(version == OcppVersion.V16 ? "StopTransaction" : "Ended", version == OcppVersion.V16 ? sent[^1].Action : sent[^1].Payload.GetProperty("eventType").GetString());
        if (version == OcppVersion.V201)
        {
            Assert.Equal(Enumerable.Range(0, sent.Count), sent.Select(m => m.Payload.GetProperty("seqNo").GetInt32()));
            Assert.Equal(queued, sent.Count(m => m.Payload.TryGetProperty("offline", out var offline) && offline.GetBoolean()));
            Assert.All(sent.TakeLast(queued), m => Assert.True(m.Payload.GetProperty("offline").GetBoolean()));
        }

        var transaction = await Server.OnlyTransactionAsync(id);
        Assert.Equal("EVDisconnected", transaction.GetProperty("stopReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, transaction.GetProperty("stoppedAt").ValueKind);
        AssertSameMeterValues(station, sent, transaction);
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_session_started_offline_reaches_Iskra_with_the_transactionId_Iskra_assigns(OcppVersion version)
    {
        var id = "off-start-" + version;
        await Server.IdTagAsync("T-" + id);
        await using var station = await SimulatedStations.StartAsync(Server, id, version, o => o with
        {
            Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["AllowOfflineTxForUnknownId"] = "true" },
        });
        await station.GoOfflineAsync();

        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        Assert.Equal("Accepted", await station.PresentCardAsync(1, "T-" + id));
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages >= 4, TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
        await station.BackOnlineAsync();

        var transaction = await Server.OnlyTransactionAsync(id);
        var sent = TransactionMessages(station);
        if (version == OcppVersion.V16)
        {
            Assert.Equal("StartTransaction", Assert.Single(sent, m => m.Action == "StartTransaction").Action);
            Assert.Equal("StartTransaction", sent[0].Action);
            var assigned = transaction.GetProperty("transactionId").ToString();
            Assert.All(sent.Skip(1), m => Assert.Equal(assigned, m.Payload.GetProperty("transactionId").ToString()));
        }
        else
        {
            Assert.Equal(Enumerable.Range(0, sent.Count), sent.Select(m => m.Payload.GetProperty("seqNo").GetInt32()));
            Assert.All(sent, m => Assert.True(m.Payload.GetProperty("offline").GetBoolean()));
            Assert.Equal(station.Connector(1).Session!.LocalId, transaction.GetProperty("transactionId").GetString());
        }

        AssertSameMeterValues(station, sent, transaction);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        Assert.Equal(1, await Server.TransactionCountAsync(id));
        Assert.NotEqual(JsonValueKind.Null, (await Server.OnlyTransactionAsync(id)).GetProperty("stoppedAt").ValueKind);
        await station.AssertSentFramesValidAsync();
    }

    /// <summary>The transaction CALLs the station sent, in order: 1.6 Start/Stop/transaction MeterValues, 2.0.1 TransactionEvent.</summary>
    private static List<(string Action, JsonElement Payload)> TransactionMessages(SimStation station) =>
        [.. station.SentCalls().Select(f => (Action: f[2].GetString()!, Payload: f[3]))
            .Where(m => m.Action is "StartTransaction" or "StopTransaction" or "TransactionEvent"
                || (m.Action == "MeterValues" && m.Payload.TryGetProperty("transactionId", out _)))];

    /// <summary>
    /// Iskra stored exactly the meter values the station sent for the transaction: the same timestamps, each once
    /// (the view groups by timestamp, so a periodic sample and the Transaction.End one taken in the same
    /// millisecond are one group), and every sampled value.
    /// </summary>
    private static void AssertSameMeterValues(SimStation station, List<(string Action, JsonElement Payload)> sent, JsonElement transaction)
    {
        var sentValues = sent.SelectMany(m => MeterValues(m.Payload)).ToList();
        var sentStamps = sentValues.Select(v => Parse(v.GetProperty("timestamp"))).Distinct().Order().ToList();
        var stored = transaction.GetProperty("meterValues").EnumerateArray().ToList();
        var storedStamps = stored.Select(v => Parse(v.GetProperty("timestamp"))).Order().ToList();
        Assert.True(sentStamps.Count >= 3, $"{station.Id} sent {sentStamps.Count} meter values");
        Assert.Equal(sentStamps, storedStamps);
        Assert.Equal(sentValues.Sum(v => v.GetProperty("sampledValue").GetArrayLength()), stored.Sum(v => v.GetProperty("sampledValue").GetArrayLength()));
    }

    private static List<JsonElement> MeterValues(JsonElement payload) =>
        payload.TryGetProperty("meterValue", out var values) ? [.. values.EnumerateArray()]
        : payload.TryGetProperty("transactionData", out var data) ? [.. data.EnumerateArray()]
        : [];

    private static DateTimeOffset Stamp(JsonElement payload) =>
        payload.TryGetProperty("timestamp", out var at) ? Parse(at) : Parse(payload.GetProperty("meterValue")[0].GetProperty("timestamp"));

    private static DateTimeOffset Parse(JsonElement text) => DateTimeOffset.Parse(text.GetString()!, CultureInfo.InvariantCulture);
}
