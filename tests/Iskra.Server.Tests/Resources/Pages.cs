using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>Reads the API's <c>{items, next}</c> lists.</summary>
public static class Pages
{
    /// <summary>GET of a path relative to the server, cancellable with the test.</summary>
    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The items of one page (asserting 200).</summary>
    public static async Task<JsonElement[]> ItemsAsync(this HttpClient client, string path)
    {
        var page = await (await client.GetPathAsync(path)).JsonAsync(200);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Follows <c>next</c> from the first page to the last with <paramref name="limit"/> items a page; every page but the last is full.</summary>
    public static async Task<List<JsonElement>> WalkAsync(this HttpClient client, string path, int limit)
    {
        var all = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var url = $"{path}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetPathAsync(url)).JsonAsync(200);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            var next = page.GetProperty("next");
            if (next.ValueKind == JsonValueKind.Null)
            {
                return all;
            }

            Assert.Equal(limit, items.Count);
            cursor = next.GetString();
        }

        throw new InvalidOperationException("The list did not end.");
    }

    /// <summary>A station id no other test uses.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 48)];
}
