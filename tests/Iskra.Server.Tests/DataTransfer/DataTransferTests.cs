using System.Text.Json;
using Iskra.Csms.DataTransfer;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.DataTransfer;

/// <summary>
/// A station's DataTransfer over the real host: answered by the registered vendor handler, or
/// UnknownMessageId / UnknownVendorId (1.6 §4.3; 2.0.1 TC_P_02_CSMS), and always stored as a notice first.
/// </summary>
public sealed class DataTransferTests
{
    private static async Task<IskraServer> StartAsync(string provider, string stationId)
    {
        var server = await IskraServer.StartAsync(
            await TestDatabase.CreateAsync(provider),
            configure: builder => builder.Services
                .AddSingleton<IDataTransferHandler, EchoVendorHandler>()
                .AddSingleton<IDataTransferHandler, BrokenVendorHandler>());
        await server.StationAsync(stationId);
        return server;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_DataTransfer_is_answered_by_its_vendor_handler_and_stored(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(provider, "DT-16");
        await using var station = await TestStation.ConnectAsync(server, "DT-16", OcppVersion.V16, Seed.Password);

        var echo = await station.CallAsync("DataTransfer", """{"vendorId":"com.example.echo","messageId":"Echo","data":"hello"}""");
        var otherVendor = await station.CallAsync("DataTransfer", """{"vendorId":"org.unknown","messageId":"Echo","data":"hello"}""");
        var otherMessage = await station.CallAsync("DataTransfer", """{"vendorId":"COM.EXAMPLE.ECHO","messageId":"Price"}""");

        Assert.Equal("""{"status":"Accepted","data":"DT-16 heard hello"}""", echo.GetRawText());
        Assert.Equal("""{"status":"UnknownVendorId"}""", otherVendor.GetRawText());
        Assert.Equal("""{"status":"UnknownMessageId"}""", otherMessage.GetRawText());
        await using var db = server.CreateDbContext();
        var notices = await db.Notices.Where(n => n.StationId == "DT-16").OrderBy(n => n.Id).ToListAsync(ct);
        Assert.Equal(
            [("DataTransfer", "com.example.echo"), ("DataTransfer", "org.unknown"), ("DataTransfer", "COM.EXAMPLE.ECHO")],
            notices.Select(n => (n.Action, n.Status)));
        Assert.Equal("""{"vendorId":"com.example.echo","messageId":"Echo","data":"hello"}""", notices[0].Payload);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_DataTransfer_is_answered_by_its_vendor_handler_and_stored(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(provider, "DT-201");
        await using var station = await TestStation.ConnectAsync(server, "DT-201", OcppVersion.V201, Seed.Password);

        // 2.0.1 data may be any JSON: the handler gets an object as its JSON text, and its answer goes back as a string.
        var echo = await station.CallAsync("DataTransfer", """{"vendorId":"com.example.echo","messageId":"Echo","data":{"a":1}}""");
        var otherVendor = await station.CallAsync("DataTransfer", """{"vendorId":"org.unknown","messageId":"Echo"}""");
        var otherMessage = await station.CallAsync("DataTransfer", """{"vendorId":"com.example.echo"}""");

        Assert.Equal("Accepted", echo.GetProperty("status").GetString());
        Assert.Equal("""DT-201 heard {"a":1}""", echo.GetProperty("data").GetString());
        Assert.Equal("""{"status":"UnknownVendorId"}""", otherVendor.GetRawText());
        Assert.Equal("""{"status":"UnknownMessageId"}""", otherMessage.GetRawText());
        await using var db = server.CreateDbContext();
        var notices = await db.Notices.Where(n => n.StationId == "DT-201").OrderBy(n => n.Id).ToListAsync(ct);
        Assert.Equal(
            [("DataTransfer", "com.example.echo"), ("DataTransfer", "org.unknown"), ("DataTransfer", "com.example.echo")],
            notices.Select(n => (n.Action, n.Status)));
        using var stored = JsonDocument.Parse(notices[0].Payload);
        Assert.Equal(1, stored.RootElement.GetProperty("data").GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task A_vendor_handler_that_throws_gets_the_station_an_InternalError_and_the_request_is_still_stored()
    {
        // The router's policy (docs/architecture.md, Errors): any exception that is not an OcppException is InternalError.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartAsync("sqlite", "DT-BROKEN");
        await using var station = await TestStation.ConnectAsync(server, "DT-BROKEN", OcppVersion.V16, Seed.Password);

        var code = await station.CallExpectingErrorAsync("DataTransfer", """{"vendorId":"com.example.broken","messageId":"Any"}""");

        Assert.Equal("InternalError", code);
        await using var db = server.CreateDbContext();
        var notice = await db.Notices.SingleAsync(n => n.StationId == "DT-BROKEN", ct);
        Assert.Equal(("DataTransfer", "com.example.broken"), (notice.Action, notice.Status));
    }
}
