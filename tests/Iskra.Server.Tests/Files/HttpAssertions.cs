namespace Iskra.Server.Tests.Files;

/// <summary>Status assertions that show the body when the status is not the expected one.</summary>
internal static class HttpAssertions
{
    public static async Task EnsureStatusAsync(this Task<HttpResponseMessage> sending, int expected)
    {
        ArgumentNullException.ThrowIfNull(sending);
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {body}");
    }
}
