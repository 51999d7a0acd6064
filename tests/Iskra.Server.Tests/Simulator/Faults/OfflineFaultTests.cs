using System.Globalization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.Offline;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary><see cref="StationFault.DropsQueuedTransactionMessages"/>: what was queued offline never reaches Iskra.</summary>
public sealed class OfflineFaultTests(FaultServer fixture) : IClassFixture<FaultServer>
{
    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task DropsQueuedTransactionMessages_loses_the_offline_meter_values_after_reconnecting(OcppVersion version)
    {
        var id = "f-drops-" + version;
        await Server.IdTagAsync("T-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.DropsQueuedTransactionMessages]);
        await station.StartSessionAsync(1, "T-" + id);
        await station.GoOfflineAsync();
        var down = DateTimeOffset.UtcNow;
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages >= 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var queued = station.QueuedTransactionMessages;

        await station.BackOnlineAsync();
        var up = DateTimeOffset.UtcNow;

        var note = Assert.Single(station.Log.Entries, e => e.Kind == "note" && e.Text.StartsWith("Dropped ", StringComparison.Ordinal));
        Assert.True(int.Parse(note.Text.Split(' ')[1], CultureInfo.InvariantCulture) >= queued, note.Text);
        var transactionAction = version == OcppVersion.V16 ? "MeterValues" : "TransactionEvent";
        await station.WaitUntilAsync(s => s.Sent(transactionAction).Any(p => Stamp(p) > up), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.SettleAsync();
        var sentStamps = station.Sent(transactionAction).Select(p => Stamp(p)).ToList();
        Assert.DoesNotContain(sentStamps, t => t > down && t < up);
        var stored = (await Server.OnlyTransactionAsync(id)).GetProperty("meterValues").EnumerateArray()
            .Select(m => DateTimeOffset.Parse(m.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, t => t > down && t < up);
    }

    private static DateTimeOffset Stamp(System.Text.Json.JsonElement payload) => DateTimeOffset.Parse(
        (payload.TryGetProperty("timestamp", out var at) ? at : payload.GetProperty("meterValue")[0].GetProperty("timestamp")).GetString()!,
        CultureInfo.InvariantCulture);
}
