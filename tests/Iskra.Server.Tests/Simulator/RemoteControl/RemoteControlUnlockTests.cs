using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>UnlockConnector from Iskra: 1.6 finishes the transaction first; 2.0.1 refuses while one runs.</summary>
public sealed class RemoteControlUnlockTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Unlocking_a_connector_with_a_transaction_and_an_idle_and_an_unknown_one(OcppVersion version)
    {
        var id = $"sim-rc-unlock-{version}";
        await Server.IdTagAsync("RC-UNLOCK-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "RC-UNLOCK-" + version);
        await station.SettleAsync();

        var busy = await api.CommandAsync(id, "unlock", """{"connectorId":1}""");

        if (version == OcppVersion.V16)
        {
            // 1.6 §5.18: the transaction is finished first.
            Assert.Equal("Unlocked", busy.Status());
            Assert.Equal("UnlockCommand", await api.StoppedReasonAsync(id));
            Assert.Equal("UnlockCommand", station.Sent("StopTransaction")[^1].GetProperty("reason").GetString());
        }
        else
        {
            // 2.0.1 F05.FR.02.
            Assert.Equal("OngoingAuthorizedTransaction", busy.Status());
            Assert.NotNull(station.Connector(1).Session);
            var running = Assert.Single(await api.TransactionsAsync(id));
            Assert.False(running.TryGetProperty("stopReason", out var reason) && reason.ValueKind == JsonValueKind.String, running.ToString());
        }

        Assert.Equal("Unlocked", (await api.CommandAsync(id, "unlock", """{"connectorId":2}""")).Status());
        Assert.Equal(version == OcppVersion.V16 ? "NotSupported" : "UnknownConnector", (await api.CommandAsync(id, "unlock", """{"connectorId":9}""")).Status());
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }
}
