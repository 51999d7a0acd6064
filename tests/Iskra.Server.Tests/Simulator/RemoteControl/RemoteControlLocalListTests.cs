using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>SendLocalList and GetLocalListVersion from Iskra, and the list at work while the station is offline.</summary>
public sealed class RemoteControlLocalListTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_sent_list_is_versioned_and_accepts_its_cards_offline(OcppVersion version)
    {
        var id = $"sim-rc-list-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        // Empty at first: version 0 (1.6 §5.10, 2.0.1 D02).
        Assert.Equal(0, await ReportedVersionAsync(api, id, version));

        var full = await api.CommandAsync(id, "send-local-list", $$$"""
            {"listVersion":3,"updateType":"Full","localAuthorizationList":[
              {"idTag":"LIST-A-{{{version}}}","idTagInfo":{"status":"Accepted"}},
              {"idTag":"LIST-B-{{{version}}}","idTagInfo":{"status":"Blocked"}}]}
            """);
        Assert.Equal("Accepted", full.Status());
        Assert.Equal(3, station.Authorization.ListVersion);
        Assert.Equal(2, station.Authorization.List.Count);

        var stale = await api.CommandAsync(id, "send-local-list", $$$"""
            {"listVersion":3,"updateType":"Differential","localAuthorizationList":[{"idTag":"LIST-C-{{{version}}}","idTagInfo":{"status":"Accepted"}}]}
            """);
        Assert.Equal("VersionMismatch", stale.Status());

        var differential = await api.CommandAsync(id, "send-local-list", $$$"""
            {"listVersion":4,"updateType":"Differential","localAuthorizationList":[
              {"idTag":"LIST-C-{{{version}}}","idTagInfo":{"status":"Accepted"}},
              {"idTag":"LIST-B-{{{version}}}"}]}
            """);
        Assert.Equal("Accepted", differential.Status());
        Assert.Equal(["LIST-A-" + version, "LIST-C-" + version], station.Authorization.List.Select(e => e.IdTag).Order(StringComparer.Ordinal));
        Assert.Equal(4, await ReportedVersionAsync(api, id, version));
        var stored = await (await api.GetAsync($"/api/stations/{id}/local-list", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(4, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal(4, stored.GetProperty("reportedVersion").GetInt32());
        await station.SettleAsync();

        // LocalAuthorizeOffline: the list decides while Iskra cannot be asked (the cards are unknown to Iskra).
        await station.NetworkDownAsync();
        await station.WaitUntilAsync(s => !s.IsConnected, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("Accepted", await station.PresentCardAsync(1, "LIST-C-" + version));
        Assert.Equal("Invalid", await station.PresentCardAsync(2, "NOT-LISTED-" + version));
        Assert.Empty(station.Sent("Authorize"));
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_list_too_long_fails_and_a_disabled_list_is_refused(OcppVersion version)
    {
        var id = $"sim-rc-limits-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version, o => o with
        {
            Configuration = new Dictionary<string, string> { ["LocalAuthListMaxLength"] = "2" },
        });
        using var api = Server.Api();

        var tooLong = await api.CommandAsync(id, "send-local-list", """
            {"listVersion":1,"updateType":"Full","localAuthorizationList":[
              {"idTag":"LIM-1","idTagInfo":{"status":"Accepted"}},{"idTag":"LIM-2","idTagInfo":{"status":"Accepted"}},
              {"idTag":"LIM-3","idTagInfo":{"status":"Accepted"}}]}
            """);
        Assert.Equal("Failed", tooLong.Status());
        Assert.Empty(station.Authorization.List);

        station.Configuration.SetInternal("LocalAuthListEnabled", "false");
        var disabled = await api.CommandAsync(id, "send-local-list", """
            {"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"LIM-1","idTagInfo":{"status":"Accepted"}}]}
            """);
        Assert.Equal(version == OcppVersion.V16 ? "NotSupported" : "Failed", disabled.Status());
        Assert.Empty(station.Authorization.List);
        await station.AssertSentFramesValidAsync();
    }

    private static async Task<int> ReportedVersionAsync(HttpClient api, string id, OcppVersion version)
    {
        var answer = await api.CommandAsync(id, "get-local-list-version");
        return answer.GetProperty("response").GetProperty(version == OcppVersion.V16 ? "listVersion" : "versionNumber").GetInt32();
    }
}
