using System.Globalization;
using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.SmartCharging;

/// <summary>Iskra's operator API as the smart-charging and reservation tests use it against a simulated station.</summary>
internal static class SimulatorApi
{
    /// <summary>Sends a command (<c>/commands/{command}</c>, or a raw <c>/ocpp/{action}</c> when it starts with "ocpp/"); returns {status, response, …}.</summary>
    public static async Task<JsonElement> CommandAsync(this HttpClient api, string stationId, string command, string body) =>
        await (await api.PostJsonAsync(
            command.StartsWith("ocpp/", StringComparison.Ordinal) ? $"/api/stations/{stationId}/{command}" : $"/api/stations/{stationId}/commands/{command}",
            body)).JsonAsync(200);

    /// <summary>The station's running transaction as Iskra lists it, once Iskra has stored it.</summary>
    public static async Task<JsonElement> ActiveTransactionAsync(this HttpClient api, string stationId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var list = await (await api.GetAsync($"/api/transactions?stationId={stationId}&active=true", TestContext.Current.CancellationToken)).JsonAsync(200);
            var items = list.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0 || DateTimeOffset.UtcNow >= deadline)
            {
                return Assert.Single(items);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the latest Power.Active.Import Iskra stored for the running transaction is <paramref name="watts"/>.</summary>
    public static async Task WaitForStoredPowerAsync(this HttpClient api, string stationId, double watts)
    {
        var transaction = await api.ActiveTransactionAsync(stationId);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        double? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var single = await (await api.GetAsync($"/api/transactions/{transaction.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken)).JsonAsync(200);
            last = single.GetProperty("meterValues").EnumerateArray()
                .SelectMany(m => m.GetProperty("sampledValue").EnumerateArray())
                .Where(v => v.GetProperty("measurand").GetString() == "Power.Active.Import")
                .Select(v => (double?)double.Parse(v.GetProperty("value").GetString()!, CultureInfo.InvariantCulture))
                .LastOrDefault();
            if (last is { } power && Math.Abs(power - watts) < 1)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Iskra's latest stored Power.Active.Import is {last}, not {watts}");
    }

    /// <summary>Waits until the connector draws <paramref name="watts"/>.</summary>
    public static Task WaitForPowerAsync(this SimStation station, int connectorId, double watts) =>
        station.WaitUntilAsync(s => Math.Abs(s.Connector(connectorId).PowerW - watts) < 1, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    /// <summary>Waits until Iskra shows the connector (the EVSE on 2.0.1) in <paramref name="status"/>.</summary>
    public static async Task WaitForStatusAsync(this HttpClient api, string stationId, int connectorId, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        string? seen = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var view = await (await api.GetAsync($"/api/stations/{stationId}", TestContext.Current.CancellationToken)).JsonAsync(200);
            seen = view.GetProperty("connectors").EnumerateArray()
                .Where(c => c.GetProperty("evseId").GetInt32() == connectorId && c.GetProperty("connectorId").GetInt32() > 0)
                .Select(c => c.GetProperty("status").GetString()).FirstOrDefault();
            if (seen == status)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"connector {connectorId} of {stationId} is {seen} in Iskra, not {status}");
    }
}
