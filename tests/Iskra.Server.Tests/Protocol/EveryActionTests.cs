using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.Tests.Schemas;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Protocol;

/// <summary>Every station-initiated action of both versions, over a real connection, against the official schemas.</summary>
public abstract class EveryActionTests(SharedServer shared)
{
    [Theory]
    [MemberData(nameof(StationActions.Rows), MemberType = typeof(StationActions))]
    public async Task A_valid_request_gets_a_CALLRESULT_that_validates_against_the_official_schema(OcppVersion version, string action)
    {
        await using var station = await shared.NewStationAsync(version);
        var schema = StationActions.RequestSchema(version, action);
        for (var variant = 0; variant < Math.Min(SchemaSamples.VariantCount(schema), 8); variant++)
        {
            var sample = SchemaSamples.Build(schema, variant);
            var result = await station.CallAsync(action, sample.ToJsonString());
            Assert.Equal(JsonValueKind.Object, result.ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(StationActions.Rows), MemberType = typeof(StationActions))]
    public async Task Every_schema_violation_gets_its_error_code_spelled_for_the_version(OcppVersion version, string action)
    {
        await using var station = await shared.NewStationAsync(version);
        var schema = StationActions.RequestSchema(version, action);
        var mutations = SchemaMutations.All(schema, SchemaSamples.Build(schema));
        Assert.NotEmpty(mutations);
        foreach (var mutation in mutations)
        {
            var code = await station.CallExpectingErrorAsync(action, mutation.Payload.ToJsonString());
            Assert.True(mutation.Code.ToWire(version) == code, $"{mutation}: expected {mutation.Code.ToWire(version)}, got {code}");
        }

        // The connection stays usable after all of them.
        Assert.Equal(JsonValueKind.Object, (await station.CallAsync("Heartbeat", "{}")).ValueKind);
    }

    [Fact]
    public void Every_action_is_routed_or_explicitly_answered_NotSupported()
    {
        var router = shared.Server.Services.GetRequiredService<OcppRouter>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            var routed = router.Routed(version);
            foreach (var action in OcppCatalogs.Actions(version))
            {
                // A station may call what it initiates; what the CSMS initiates is NotSupported inbound.
                var stationCalls = action.Direction.HasFlag(OcppDirection.StationToCsms);
                Assert.True(stationCalls == routed.Contains(action.Name), $"{version} {action.Name}: routed={routed.Contains(action.Name)}, direction={action.Direction}");
            }
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16, "Reset", """{"type":"Hard"}""")]
    [InlineData(OcppVersion.V201, "RequestStartTransaction", """{"idToken":{"idToken":"A","type":"Central"},"remoteStartId":1}""")]
    public async Task A_CSMS_initiated_action_sent_by_a_station_is_NotSupported(OcppVersion version, string action, string payload)
    {
        await using var station = await shared.NewStationAsync(version);
        Assert.Equal("NotSupported", await station.CallExpectingErrorAsync(action, payload));
    }
}

/// <summary><see cref="EveryActionTests"/> on SQLite.</summary>
public sealed class EveryActionOnSqliteTests(SharedSqliteServer shared) : EveryActionTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="EveryActionTests"/> on PostgreSQL.</summary>
public sealed class EveryActionOnPostgresTests(SharedPostgresServer shared) : EveryActionTests(shared), IClassFixture<SharedPostgresServer>;
