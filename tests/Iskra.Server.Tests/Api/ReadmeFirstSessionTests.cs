using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Api;

/// <summary>
/// The README's first session, as written: its API calls (read from README.md, so the README cannot drift from
/// what works) against the real server, and the simulator started with the README's own command line, as its
/// own process. The remote start must become a running session with energy, with nobody but the simulated
/// driver plugging the EV in.
/// </summary>
public sealed partial class ReadmeFirstSessionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_readme_first_session_charges_as_written(string provider)
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md")).Replace("\\\n", " ", StringComparison.Ordinal);
        var posts = Post().Matches(readme).Select(m => (Path: m.Groups["path"].Value, Body: m.Groups["body"].Value)).ToList();
        var register = posts.First(p => p.Path == "/stations");
        var idTag = posts.First(p => p.Path == "/id-tags");
        var remoteStart = posts.First(p => p.Path.EndsWith("/commands/remote-start", StringComparison.Ordinal));
        var sessions = Get().Match(readme).Groups["path"].Value;
        var simulator = SimulatorLine().Match(readme).Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(sessions);
        Assert.Contains("--sessions", simulator);

        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        using var api = server.Api();
        var stationId = JsonDocument.Parse(register.Body).RootElement.GetProperty("id").GetString()!;
        var password = (await (await api.PostJsonAsync("/api" + register.Path, register.Body)).JsonAsync(201)).GetProperty("password").GetString()!;
        await (await api.PostJsonAsync("/api" + idTag.Path, idTag.Body)).JsonAsync(201);

        var args = simulator.Select(a => a.Replace("ws://localhost:8180", $"ws://{server.BaseUri.Authority}", StringComparison.Ordinal).Replace("<password>", password, StringComparison.Ordinal)).ToList();
        using var process = StartSimulator(args);
        try
        {
            await UntilAsync(async () =>
            {
                var view = await (await api.GetPathAsync($"/api/stations/{stationId}")).JsonAsync(200);
                return view.GetProperty("connected").GetBoolean()
                    && view.GetProperty("connectors").EnumerateArray().Any(c => c.GetProperty("connectorId").GetInt32() == 1 && c.GetProperty("status").GetString() == "Available");
            }, "the simulated station to connect and report its connectors");

            var started = await (await api.PostJsonAsync("/api" + remoteStart.Path, remoteStart.Body)).JsonAsync(200);
            Assert.Equal("Accepted", started.GetProperty("status").GetString());

            await UntilAsync(async () =>
            {
                var items = await api.ItemsAsync("/api" + sessions);
                return items.Any(t => t.GetProperty("remoteStartId").ValueKind == JsonValueKind.Number
                    && t.GetProperty("remoteStartId").GetInt32() == started.GetProperty("remoteStartId").GetInt32()
                    && t.GetProperty("energyWh").ValueKind == JsonValueKind.Number && t.GetProperty("energyWh").GetDecimal() > 0);
            }, "an active session of the remote start with energy");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The built simulator CLI (what <c>dotnet run --project src/Iskra.Simulator --</c> runs), with <paramref name="args"/>.</summary>
    private static Process StartSimulator(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Iskra.Simulator.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Asks <paramref name="done"/> every half second for up to two minutes (the README's meter interval is 10 s).</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 240; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Fail("Waited in vain for " + what);
    }

    [GeneratedRegex(@"curl -s -X POST \$API(?<path>/\S+) [^\n]*?-d '(?<body>[^']*)'")]
    private static partial Regex Post();

    [GeneratedRegex(@"curl -s ""\$API(?<path>/transactions\?[^""]*)""")]
    private static partial Regex Get();

    [GeneratedRegex(@"^dotnet run --project src/Iskra\.Simulator -- (?<args>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex SimulatorLine();
}
