using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>The payload faults on their own: what <see cref="FaultMutations"/> changes in an outgoing CALL, and what it leaves.</summary>
public sealed class FaultMutationTests
{
    [Fact]
    public async Task TimestampsWithoutZone_strips_Z_and_offsets_at_every_depth_and_nothing_else()
    {
        await using var station = new SimStation(new StationOptions { Id = "mutations", CsmsUrl = new Uri("ws://127.0.0.1:1/ocpp") });
        station.Faults.Set(StationFault.TimestampsWithoutZone, true);
        var payload = new JsonObject
        {
            ["timestamp"] = "2026-11-26T10:00:00.000Z",
            ["idTag"] = "2026-11-26",
            ["meterValue"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = "2026-11-26T11:00:00+02:00",
                ["sampledValue"] = new JsonArray(new JsonObject { ["value"] = "12.5", ["context"] = "Sample.Periodic" }),
            }),
            ["stamps"] = new JsonArray("2026-11-26T12:00:00.5Z", 7),
        };

        var sent = station.Wire.Outgoing("MeterValues", payload);

        Assert.Equal("2026-11-26T10:00:00.000", sent.GetProperty("timestamp").GetString());
        Assert.Equal("2026-11-26T11:00:00", sent.GetProperty("meterValue")[0].GetProperty("timestamp").GetString());
        Assert.Equal("2026-11-26T12:00:00.5", sent.GetProperty("stamps")[0].GetString());
        Assert.Equal(7, sent.GetProperty("stamps")[1].GetInt32());
        Assert.Equal("2026-11-26", sent.GetProperty("idTag").GetString());
        Assert.Equal("12.5", sent.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("value").GetString());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Without_faults_a_payload_goes_out_unchanged(OcppVersion version)
    {
        await using var station = new SimStation(new StationOptions { Id = "mutations-none", Version = version, CsmsUrl = new Uri("ws://127.0.0.1:1/ocpp") });
        var payload = new JsonObject { ["timestamp"] = "2026-11-26T10:00:00.000Z", ["errorCode"] = "NoError", ["connectorStatus"] = "Occupied" };

        var sent = station.Wire.Outgoing("StatusNotification", payload);

        Assert.Equal(payload.ToJsonString(), sent.GetRawText());
    }
}
