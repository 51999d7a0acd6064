using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>The faults of a station's clock and timestamps, seen in the frames it sends.</summary>
public sealed class ClockFaultTests(FaultServer fixture) : IClassFixture<FaultServer>
{
    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task TimestampsWithoutZone_strips_the_zone_of_every_timestamp_at_any_depth(OcppVersion version)
    {
        // Clock-aligned values every second: MeterValues carry their timestamp one level down, in meterValue[].
        await using var station = await FaultyStations.StartAsync(Server, "f-zone-" + version, version, [StationFault.TimestampsWithoutZone],
            o => o with { Configuration = new Dictionary<string, string> { ["ClockAlignedDataInterval"] = "1" } });
        await station.WaitUntilAsync(s => s.Sent("MeterValues").Count > 0 && s.Sent("StatusNotification").Count > 0, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var timestamps = station.SentCalls().SelectMany(f => Timestamps(f[3])).ToList();
        Assert.Contains(station.Sent("MeterValues")[0].GetProperty("meterValue")[0].GetProperty("timestamp").GetString(), timestamps);
        Assert.All(timestamps, t =>
        {
            Assert.False(t.EndsWith('Z'), t);
            Assert.True(DateTime.TryParseExact(t, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), t);
        });

        if (version == OcppVersion.V16)
        {
            // 1.6 leaves the zone open: Iskra reads such a time as UTC, no CALLERROR, the station is taken at its word.
            Assert.Empty(station.ErrorsFor("StatusNotification"));
            Assert.Empty(station.ErrorsFor("MeterValues"));
        }
        else
        {
            // Iskra checks 2.0.1 times strictly, zone required (eng/Iskra.OcppGen VersionSpec): the message is refused as out of schema.
            await station.WaitUntilAsync(s => s.ErrorsFor("StatusNotification").Count > 0, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            Assert.Contains(station.ErrorsFor("StatusNotification")[0][2].GetString(), ConversationFaultTests.SchemaErrorCodes);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task DriftingClock_stamps_its_messages_an_hour_ahead(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-drift-" + version, version, [StationFault.DriftingClock]);
        await station.WaitUntilAsync(s => s.Sent("StatusNotification").Count > 0, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var stamped = DateTimeOffset.Parse(station.Sent("StatusNotification")[0].GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
        var ahead = stamped - DateTimeOffset.UtcNow;
        Assert.InRange(ahead, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        await station.AssertSentFramesValidAsync();
    }

    /// <summary>Every string that looks like an ISO 8601 timestamp (date, T, time), at any depth.</summary>
    internal static IEnumerable<string> Timestamps(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Timestamps(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Timestamps),
        JsonValueKind.String when element.GetString() is { Length: >= 19 } s && s[4] == '-' && s[10] == 'T' && s[13] == ':' => [s],
        _ => [],
    };
}
