using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Security;

/// <summary>ISKRA_API_KEY is an admin key: a short or repetitive one is refused at start with a one-line message.</summary>
public sealed class ApiKeyStrengthTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("changeme-changeme")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_weak_configured_key_stops_the_start_with_a_clear_message(string key)
    {
        var start = IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?> { ["API_KEY"] = key });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.StartsWith("ISKRA_API_KEY is too weak", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }
}
