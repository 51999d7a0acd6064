using System.Net;
using System.Net.WebSockets;
using System.Text;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Transport;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Protocol;

/// <summary>SPEC §2.1's bad-input table, row by row, against the real server: the spec's answer, no harm to others, nothing stored lost.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(OcppVersion.V16, "not json", "-1", "ProtocolError")]
    [InlineData(OcppVersion.V201, "not json", "-1", "RpcFrameworkError")]
    [InlineData(OcppVersion.V16, """{"a":1}""", "-1", "ProtocolError")]
    [InlineData(OcppVersion.V201, """{"a":1}""", "-1", "RpcFrameworkError")]
    [InlineData(OcppVersion.V16, """[9,"x1",{}]""", "x1", "ProtocolError")]
    [InlineData(OcppVersion.V201, """[9,"x1",{}]""", "x1", "MessageTypeNotSupported")]
    [InlineData(OcppVersion.V16, """[2,"x2","NoSuchAction",{}]""", "x2", "NotImplemented")]
    [InlineData(OcppVersion.V201, """[2,"x2","NoSuchAction",{}]""", "x2", "NotImplemented")]
    [InlineData(OcppVersion.V16, """[2,"x3","Heartbeat",[]]""", "x3", "FormationViolation")]
    [InlineData(OcppVersion.V201, """[2,"x3","Heartbeat",[]]""", "x3", "FormatViolation")]
    [InlineData(OcppVersion.V16, """[2,"x4","Authorize",{}]""", "x4", "OccurenceConstraintViolation")]
    [InlineData(OcppVersion.V201, """[2,"x4","Authorize",{}]""", "x4", "OccurrenceConstraintViolation")]
    [InlineData(OcppVersion.V16, """[2,"x5","Authorize",{"idTag":"123456789012345678901"}]""", "x5", "PropertyConstraintViolation")]
    [InlineData(OcppVersion.V16, """[2,"x6","Authorize",{"idTag":5}]""", "x6", "TypeConstraintViolation")]
    public async Task A_bad_frame_gets_the_spec_answer_and_the_connection_stays_usable(OcppVersion version, string frame, string id, string code)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await server.StationAsync("CP");
        await using var station = await TestStation.ConnectAsync(server, "CP", version, Seed.Password);

        var reply = await station.SendRawAsync(frame);
        TestStation.AssertCallError(reply, id);
        Assert.Equal(code, reply[2].GetString());
        await station.CallAsync("Heartbeat", "{}");
    }

    [Fact]
    public async Task A_CALLRESULT_for_an_unknown_message_id_is_ignored_not_answered()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await server.StationAsync("CP");
        await using var station = await TestStation.ConnectAsync(server, "CP", OcppVersion.V16, Seed.Password);

        await station.Socket.SendTextAsync("""[3,"never-sent",{}]""");
        await station.Socket.SendTextAsync("""[4,"never-sent","GenericError","",{}]""");
        var heartbeat = await station.SendRawAsync("""[2,"hb","Heartbeat",{}]""");
        Assert.Equal("hb", heartbeat[1].GetString()); // the next frame is the heartbeat's answer: nothing answered the strays
    }

    [Theory]
    [InlineData("sqlite", "oversize", WebSocketCloseStatus.MessageTooBig)]
    [InlineData("sqlite", "binary", WebSocketCloseStatus.InvalidMessageType)]
    [InlineData("sqlite", "flood", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("postgres", "oversize", WebSocketCloseStatus.MessageTooBig)]
    [InlineData("postgres", "binary", WebSocketCloseStatus.InvalidMessageType)]
    [InlineData("postgres", "flood", WebSocketCloseStatus.PolicyViolation)]
    public async Task An_abusive_connection_is_closed_while_other_stations_and_stored_data_are_untouched(string provider, string abuse, WebSocketCloseStatus expected)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.StationAsync("GOOD");
        await server.StationAsync("BAD");
        await using var good = await TestStation.ConnectAsync(server, "GOOD", OcppVersion.V16, Seed.Password);
        await using var bad = await TestStation.ConnectAsync(server, "BAD", OcppVersion.V16, Seed.Password);
        await bad.CallAsync("BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}""");
        await bad.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");

        switch (abuse)
        {
            case "oversize":
                await bad.Socket.SendTextAsync($$"""[2,"big","DataTransfer",{"vendorId":"x","data":"{{new string('a', 70_000)}}"}]""");
                break;
            case "binary":
                await bad.Socket.SendAsync(Encoding.UTF8.GetBytes("""[2,"b","Heartbeat",{}]"""), WebSocketMessageType.Binary, true, Ct);
                break;
            default:
                for (var i = 0; i < 2000 && bad.Socket.State == WebSocketState.Open; i++)
                {
                    await bad.Socket.SendTextAsync($$"""[2,"f{{i}}","Heartbeat",{}]""");
                }

                break;
        }

        Assert.Equal(expected, await bad.Socket.ReceiveCloseAsync());
        await good.CallAsync("Heartbeat", "{}");
        await using var db = server.CreateDbContext();
        Assert.Equal("V", (await db.Stations.SingleAsync(s => s.Id == "BAD", Ct)).Vendor);
        Assert.True(await db.Connectors.AnyAsync(c => c.StationId == "BAD" && c.Status == "Available", Ct));
    }

    [Theory]
    [InlineData("UNKNOWN", Seed.Password, RefusalReason.UnknownStation)]
    [InlineData("CP", "wrong-password-123", RefusalReason.BadCredentials)]
    public async Task Unknown_stations_and_wrong_passwords_get_the_same_401_and_are_recorded(string id, string password, RefusalReason reason)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await server.StationAsync("CP");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(server, id, OcppVersion.V16, password));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        await server.FlushRefusalsAsync();
        await using var db = server.CreateDbContext();
        var attempt = await db.ConnectionAttempts.SingleAsync(Ct);
        Assert.Equal((id, reason), (attempt.StationId, attempt.Reason));
        Assert.Equal(IPAddress.Loopback.ToString(), attempt.RemoteAddress);
    }

    [Fact]
    public async Task A_second_authenticated_connection_replaces_the_first_and_is_recorded_as_a_security_event()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await server.StationAsync("CP");
        await using var first = await TestStation.ConnectAsync(server, "CP", OcppVersion.V16, Seed.Password);
        await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(server, "CP", OcppVersion.V16, "not-the-password"));
        await first.CallAsync("Heartbeat", "{}"); // a refused attempt replaced nothing

        await using var second = await TestStation.ConnectAsync(server, "CP", OcppVersion.V201, Seed.Password);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.Socket.ReceiveCloseAsync());
        await second.CallAsync("Heartbeat", "{}");
        await using var db = server.CreateDbContext();
        Assert.True(await db.Notices.AnyAsync(n => n.StationId == "CP" && n.Action == "ConnectionReplaced", Ct));
    }

    [Theory]
    [InlineData("a%2Fb")]
    [InlineData("caf%C3%A9")]
    [InlineData("ThisStationIdIsFarTooLongToBeAcceptedByIskraAtAllReally")]
    [InlineData("bad%20id")]
    public async Task A_bad_station_id_is_refused_with_400_and_never_stored_raw(string rawId)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp1.6");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(new Uri($"ws://{server.BaseUri.Authority}/ocpp/{rawId}"), Ct));
        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
        await server.FlushRefusalsAsync();
        await using var db = server.CreateDbContext();
        var attempt = await db.ConnectionAttempts.SingleAsync(Ct);
        Assert.Equal(RefusalReason.BadPath, attempt.Reason);
        Assert.False(await db.Stations.AnyAsync(Ct));
    }
}
