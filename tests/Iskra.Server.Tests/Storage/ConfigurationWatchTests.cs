using Iskra.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Iskra.Server.Tests.Storage;

/// <summary>
/// The settings files are not watched by default: the watcher would cover the content root, where the
/// SQLite database and its WAL live, and wake on every commit.
/// </summary>
public sealed class ConfigurationWatchTests
{
    [Fact]
    public async Task Settings_files_are_read_at_start_and_not_watched_unless_asked()
    {
        await using var app = IskraHost.Build(["--urls", "http://127.0.0.1:0"]);
        var files = JsonSources(app.Configuration);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.ReloadOnChange, f.Path));

        await using var asked = IskraHost.Build(["--urls", "http://127.0.0.1:0", "--hostBuilder:reloadConfigOnChange=true"]);
        Assert.Contains(JsonSources(asked.Configuration), f => f.ReloadOnChange);
    }

    private static List<JsonConfigurationSource> JsonSources(IConfiguration configuration) =>
        ((IConfigurationRoot)configuration).Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).Cast<JsonConfigurationSource>().ToList();
}
