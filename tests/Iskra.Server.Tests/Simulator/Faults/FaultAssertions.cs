using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>What Iskra recorded, read through its operator API, for the fault tests.</summary>
public static class FaultAssertions
{
    /// <summary>The station's only transaction in Iskra, in its single view (with meter values).</summary>
    public static async Task<JsonElement> OnlyTransactionAsync(this IskraServer server, string stationId)
    {
        using var api = server.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={stationId}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var transaction = Assert.Single(list.GetProperty("items").EnumerateArray());
        return await (await api.GetAsync($"/api/transactions/{transaction.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken)).JsonAsync(200);
    }

    /// <summary>The station's transaction of <paramref name="idTag"/> in Iskra.</summary>
    public static async Task<JsonElement> OnlyCardTransactionAsync(this IskraServer server, string stationId, string idTag)
    {
        using var api = server.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={stationId}", TestContext.Current.CancellationToken)).JsonAsync(200);
        return Assert.Single(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("idTag").GetString() == idTag);
    }

    /// <summary>The transactions Iskra holds for the station.</summary>
    public static async Task<int> TransactionCountAsync(this IskraServer server, string stationId)
    {
        using var api = server.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={stationId}", TestContext.Current.CancellationToken)).JsonAsync(200);
        return list.GetProperty("items").GetArrayLength();
    }

    /// <summary>The energy register values Iskra stored for a transaction, in its order, with their units.</summary>
    public static IReadOnlyList<(double Value, string? Unit)> StoredEnergy(JsonElement transaction) =>
        [.. transaction.GetProperty("meterValues").EnumerateArray()
            .SelectMany(m => m.GetProperty("sampledValue").EnumerateArray())
            .Where(v => v.TryGetProperty("measurand", out var m) && m.GetString() == "Energy.Active.Import.Register")
            .Select(v => (double.Parse(v.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                v.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null))];
}
