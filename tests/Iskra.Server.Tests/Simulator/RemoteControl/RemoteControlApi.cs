using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>Sends Iskra's commands to a simulated station and reads what Iskra recorded.</summary>
internal static class RemoteControlApi
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary><c>POST /api/stations/{id}/commands/{command}</c>: the station's answer (<c>{status, response}</c>).</summary>
    public static async Task<JsonElement> CommandAsync(this HttpClient api, string stationId, string command, string body = "{}") =>
        await (await api.PostJsonAsync($"/api/stations/{stationId}/commands/{command}", body)).JsonAsync(200);

    /// <summary><c>POST /api/stations/{id}/ocpp/{action}</c>: the station's raw answer.</summary>
    public static async Task<JsonElement> RawAsync(this HttpClient api, string stationId, string action, string payload) =>
        await (await api.PostJsonAsync($"/api/stations/{stationId}/ocpp/{action}", payload)).JsonAsync(200);

    public static string Status(this JsonElement answer) => answer.GetProperty("status").GetString()!;

    /// <summary>The status Iskra shows for a connector (1.6) or EVSE (2.0.1).</summary>
    public static async Task<string?> ConnectorStatusAsync(this HttpClient api, string stationId, OcppVersion version, int id)
    {
        var view = await (await api.GetAsync($"/api/stations/{stationId}", Token)).JsonAsync(200);
        var connector = view.GetProperty("connectors").EnumerateArray()
            .FirstOrDefault(c => version == OcppVersion.V16 ? c.GetProperty("connectorId").GetInt32() == id : c.GetProperty("evseId").GetInt32() == id && c.GetProperty("connectorId").GetInt32() > 0);
        return connector.ValueKind == JsonValueKind.Object ? connector.GetProperty("status").GetString() : null;
    }

    /// <summary>Waits until Iskra shows <paramref name="status"/> for the connector / EVSE.</summary>
    public static async Task WaitForStatusAsync(this HttpClient api, string stationId, OcppVersion version, int id, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        string? seen = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            seen = await api.ConnectorStatusAsync(stationId, version, id);
            if (seen == status)
            {
                return;
            }

            await Task.Delay(100, Token);
        }

        Assert.Fail($"Iskra shows {seen ?? "nothing"} for {stationId} #{id}, not {status}.");
    }

    /// <summary>The transactions Iskra recorded for the station, newest first as the API lists them.</summary>
    public static async Task<IReadOnlyList<JsonElement>> TransactionsAsync(this HttpClient api, string stationId)
    {
        var list = await (await api.GetAsync($"/api/transactions?stationId={stationId}", Token)).JsonAsync(200);
        return [.. list.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Waits until Iskra has the station's only transaction stopped, and returns its stopReason.</summary>
    public static async Task<string?> StoppedReasonAsync(this HttpClient api, string stationId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var transaction = Assert.Single(await api.TransactionsAsync(stationId));
            if (transaction.TryGetProperty("stopReason", out var reason) && reason.ValueKind == JsonValueKind.String)
            {
                return reason.GetString();
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the transaction did not stop in Iskra: {transaction}");
            await Task.Delay(100, Token);
        }
    }

    /// <summary>Waits until the station has sent <paramref name="count"/> CALLs of <paramref name="action"/>.</summary>
    public static Task WaitForSentAsync(this SimStation station, string action, int count = 1) =>
        station.WaitUntilAsync(s => s.Sent(action).Count >= count, TimeSpan.FromSeconds(10), Token);
}
