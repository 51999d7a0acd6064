using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Configuration;

/// <summary>Iskra's operator API as these tests use it: commands, raw calls and the stored configuration views.</summary>
internal static class StationApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A command (docs/commands.md): <c>{status, response}</c>.</summary>
    public static async Task<JsonElement> CommandAsync(this HttpClient api, string id, string command, string body) =>
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).JsonAsync(200);

    /// <summary>A raw OCPP call: the station's reply.</summary>
    public static async Task<JsonElement> RawAsync(this HttpClient api, string id, string action, string payload) =>
        await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).JsonAsync(200);

    /// <summary>Iskra's 1.6 configuration table of the station.</summary>
    public static async Task<IReadOnlyList<JsonElement>> StoredKeysAsync(this HttpClient api, string id) =>
        [.. (await (await api.GetAsync(new Uri($"/api/stations/{id}/configuration?limit=500", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray()];

    /// <summary>Iskra's 2.0.1 device model of the station.</summary>
    public static async Task<IReadOnlyList<JsonElement>> StoredVariablesAsync(this HttpClient api, string id, string? component = null) =>
        [.. (await (await api.GetAsync(new Uri($"/api/stations/{id}/device-model?limit=500" + (component is null ? "" : "&component=" + component), UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray()];

    /// <summary>The value Iskra stores for a 2.0.1 variable (Actual), null when it has none.</summary>
    public static string? ValueOf(IReadOnlyList<JsonElement> variables, string component, string variable, string? variableInstance = null, int? evseId = null) =>
        variables.Where(v => string.Equals(v.GetProperty("component").GetString(), component, StringComparison.OrdinalIgnoreCase)
                && string.Equals(v.GetProperty("variable").GetString(), variable, StringComparison.OrdinalIgnoreCase)
                && Text(v, "variableInstance") == variableInstance
                && Number(v, "evseId") == evseId)
            .Select(v => Text(v, "value"))
            .FirstOrDefault();

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds, for at most 10 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The NotifyReport (or NotifyMonitoringReport) payloads of one request, once the last (tbc false) was sent.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReportAsync(this SimStation station, string action, int requestId)
    {
        IReadOnlyList<JsonElement> parts = [];
        await EventuallyAsync(() =>
        {
            parts = [.. station.Sent(action).Where(p => p.GetProperty("requestId").GetInt32() == requestId)];
            return Task.FromResult(parts.Any(p => !p.TryGetProperty("tbc", out var tbc) || !tbc.GetBoolean()));
        }, $"{action} {requestId}");
        await station.SettleAsync(); // and Iskra has answered (and stored) them
        return parts;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
