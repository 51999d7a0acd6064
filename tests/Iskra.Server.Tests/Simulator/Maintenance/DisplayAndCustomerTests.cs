using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Authorization;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>2.0.1 display messages, customer information and firmware publishing of a simulated station, by Iskra's raw calls.</summary>
public sealed class DisplayAndCustomerTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Display_messages_are_set_reported_and_cleared()
    {
        const string id = "sim-display-201";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V201);

        Assert.Equal("Accepted", await StatusAsync(id, "SetDisplayMessage", Message(1, "NormalCycle", "UTF8", "Welcome")));
        Assert.Equal("Accepted", await StatusAsync(id, "SetDisplayMessage", Message(2, "InFront", "ASCII", "Tariff 0.30/kWh")));
        Assert.Equal("NotSupportedPriority", await StatusAsync(id, "SetDisplayMessage", Message(3, "AlwaysFront", "ASCII", "Locked")));
        Assert.Equal("NotSupportedMessageFormat", await StatusAsync(id, "SetDisplayMessage", Message(4, "NormalCycle", "HTML", "<b>Hi</b>")));
        Assert.Equal("UnknownTransaction", await StatusAsync(id, "SetDisplayMessage",
            """{"message":{"id":5,"priority":"NormalCycle","transactionId":"no-such-tx","message":{"format":"ASCII","content":"Bye"}}}"""));

        Assert.Equal("Accepted", await StatusAsync(id, "GetDisplayMessages", """{"requestId":17,"priority":"InFront"}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("NotifyDisplayMessages").Count == 1);
        var notify = station.Sent("NotifyDisplayMessages")[0];
        Assert.Equal(17, notify.GetProperty("requestId").GetInt32());
        var shown = Assert.Single(notify.GetProperty("messageInfo").EnumerateArray());
        Assert.Equal(2, shown.GetProperty("id").GetInt32());
        Assert.Equal("Tariff 0.30/kWh", shown.GetProperty("message").GetProperty("content").GetString());

        Assert.Equal("Unknown", await StatusAsync(id, "GetDisplayMessages", """{"requestId":18,"id":[3,4]}"""));
        Assert.Equal("Accepted", await StatusAsync(id, "ClearDisplayMessage", """{"id":1}"""));
        Assert.Equal("Unknown", await StatusAsync(id, "ClearDisplayMessage", """{"id":1}"""));
        Assert.Equal("Accepted", await StatusAsync(id, "GetDisplayMessages", """{"requestId":19}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("NotifyDisplayMessages").Count == 2);
        Assert.Equal([2], station.Sent("NotifyDisplayMessages")[1].GetProperty("messageInfo").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Customer_information_reports_the_id_token_entries_and_clears_them()
    {
        const string id = "sim-customer-201";
        await Server.IdTagAsync("CUST-201");
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V201);
        Assert.Equal("Accepted", await station.AuthorizeAsync("CUST-201")); // now in the authorization cache
        station.Authorization.Update(3, full: true, [("CUST-201", new IdTagEntry("CUST-201", "Accepted", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)))]);
        const string token = """{"idToken":"CUST-201","type":"ISO14443"}""";

        Assert.Equal("Accepted", await StatusAsync(id, "CustomerInformation", $$"""{"requestId":31,"report":true,"clear":true,"idToken":{{token}}}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("NotifyCustomerInformation").Count == 1);
        var first = station.Sent("NotifyCustomerInformation")[0];
        Assert.Equal(31, first.GetProperty("requestId").GetInt32());
        Assert.Equal(0, first.GetProperty("seqNo").GetInt32());
        var data = first.GetProperty("data").GetString()!;
        Assert.Contains("local list Accepted until 2030-01-01T00:00:00Z", data, StringComparison.Ordinal);
        Assert.Contains("cache Accepted", data, StringComparison.Ordinal);
        Assert.Contains("Cleared", data, StringComparison.Ordinal);
        Assert.Null(station.Authorization.Lookup("CUST-201", station.Now, useList: true, useCache: true));

        Assert.Equal("Accepted", await StatusAsync(id, "CustomerInformation", $$"""{"requestId":32,"report":true,"clear":false,"idToken":{{token}}}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("NotifyCustomerInformation").Count == 2);
        var second = station.Sent("NotifyCustomerInformation")[1].GetProperty("data").GetString()!;
        Assert.Contains("not in the local list; not in the cache", second, StringComparison.Ordinal);

        Assert.Equal("Invalid", await StatusAsync(id, "CustomerInformation", """{"requestId":33,"report":true,"clear":false}"""));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_station_that_is_not_a_local_controller_refuses_to_publish_firmware()
    {
        const string id = "sim-publish-201";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V201);

        Assert.Equal("Rejected", await StatusAsync(id, "PublishFirmware",
            """{"location":"https://fw.example.com/a.bin","checksum":"0123456789abcdef0123456789abcdef","requestId":1}"""));
        Assert.Equal("NoFirmware", await StatusAsync(id, "UnpublishFirmware", """{"checksum":"0123456789abcdef0123456789abcdef"}"""));
        await station.AssertSentFramesValidAsync();
    }

    private static string Message(int id, string priority, string format, string content) =>
        $$"""{"message":{"id":{{id}},"priority":"{{priority}}","message":{"format":"{{format}}","content":"{{content}}" """ + "}}}";

    private async Task<string?> StatusAsync(string id, string action, string payload)
    {
        var answer = await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).JsonAsync(200);
        return answer.GetProperty("status").GetString();
    }
}
