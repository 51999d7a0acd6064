using Iskra.Csms.DataTransfer;

namespace Iskra.Csms.Tests.DataTransfer;

/// <summary>How a DataTransfer finds its vendor handler (1.6 §4.3; 2.0.1 TC_P_02_CSMS, P02.FR.06/07).</summary>
public sealed class DataTransferHandlersTests
{
    private const string Vendor = "com.example.charger";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_exact_vendor_and_message_handler_wins_over_the_vendors_handler_for_any_message()
    {
        var exact = new RecordingHandler(Vendor, "Price", "exact");
        var any = new RecordingHandler(Vendor, null, "any");
        var handlers = new DataTransferHandlers([any, exact]);

        var reply = await handlers.HandleAsync("cp-1", Vendor, "Price", "12", Ct);

        Assert.Equal(new DataTransferReply("Accepted", "exact:12"), reply);
        Assert.Equal([("cp-1", (string?)"Price", (string?)"12")], exact.Calls);
        Assert.Empty(any.Calls);
    }

    [Fact]
    public async Task The_vendors_handler_for_any_message_answers_other_message_ids_and_none()
    {
        var handlers = new DataTransferHandlers([new RecordingHandler(Vendor, "Price", "exact"), new RecordingHandler(Vendor, null, "any")]);

        Assert.Equal(new DataTransferReply("Accepted", "any:x"), await handlers.HandleAsync("cp-1", Vendor, "Other", "x", Ct));
        Assert.Equal(new DataTransferReply("Accepted", "any:"), await handlers.HandleAsync("cp-1", Vendor, null, null, Ct));
    }

    [Fact]
    public async Task A_known_vendor_without_a_handler_for_the_message_answers_UnknownMessageId_without_data()
    {
        // 1.6 §4.3: "In case of a messageId mismatch (if used) the recipient SHALL return status 'UnknownMessageId'".
        var price = new RecordingHandler(Vendor, "Price", "exact");
        var handlers = new DataTransferHandlers([price]);

        Assert.Equal(new DataTransferReply("UnknownMessageId", null), await handlers.HandleAsync("cp-1", Vendor, "Other", "x", Ct));
        Assert.Equal(new DataTransferReply("UnknownMessageId", null), await handlers.HandleAsync("cp-1", Vendor, null, "x", Ct));
        Assert.Empty(price.Calls);
    }

    [Fact]
    public async Task An_unknown_vendor_answers_UnknownVendorId_without_data()
    {
        // 1.6 §4.3: no implementation for the vendorId → 'UnknownVendor' status "and the data element SHALL not be present".
        var handlers = new DataTransferHandlers([new RecordingHandler(Vendor, null, "any")]);

        Assert.Equal(new DataTransferReply("UnknownVendorId", null), await handlers.HandleAsync("cp-1", "org.other", "Price", "x", Ct));
        Assert.Equal(new DataTransferReply("UnknownVendorId", null), await new DataTransferHandlers([]).HandleAsync("cp-1", Vendor, null, null, Ct));
    }

    [Fact]
    public async Task Vendor_and_message_ids_match_in_any_case_as_1_6_CiStrings()
    {
        // 1.6 §6.15: vendorId is CiString255Type, messageId CiString50Type; §7.17/§7.18: "String is case insensitive".
        var handlers = new DataTransferHandlers([new RecordingHandler(Vendor, "Price", "exact")]);

        Assert.Equal("exact:1", (await handlers.HandleAsync("cp-1", "COM.Example.Charger", "pRICE", "1", Ct)).Data);
    }

    [Fact]
    public void Two_handlers_for_the_same_vendor_and_message_are_refused_when_the_registry_is_built()
    {
        Assert.Throws<InvalidOperationException>(() => new DataTransferHandlers([new RecordingHandler(Vendor, "Price", "a"), new RecordingHandler(Vendor.ToUpperInvariant(), "price", "b")]));
        Assert.Throws<InvalidOperationException>(() => new DataTransferHandlers([new RecordingHandler(Vendor, null, "a"), new RecordingHandler(Vendor, null, "b")]));
        Assert.Throws<InvalidOperationException>(() => new DataTransferHandlers([new RecordingHandler(" ", null, "a")]));
    }

    [Fact]
    public async Task A_status_that_is_not_a_DataTransferStatus_is_a_bug_of_the_handler()
    {
        var handler = new RecordingHandler(Vendor, null, "any") { Reply = () => new DataTransferReply("accepted", null) };
        var handlers = new DataTransferHandlers([handler]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => handlers.HandleAsync("cp-1", Vendor, null, null, Ct).AsTask());
    }

    [Fact]
    public async Task A_handler_that_throws_is_not_caught_so_the_router_answers_InternalError()
    {
        var handler = new RecordingHandler(Vendor, null, "any") { Reply = () => throw new TimeoutException("vendor back end down") };
        var handlers = new DataTransferHandlers([handler]);

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => handlers.HandleAsync("cp-1", Vendor, null, null, Ct).AsTask());
        Assert.Equal("vendor back end down", thrown.Message);
    }

    [Fact]
    public async Task The_handlers_Rejected_and_its_data_are_passed_on()
    {
        var handlers = new DataTransferHandlers([new RecordingHandler(Vendor, null, "any") { Reply = () => DataTransferReply.Rejected("no") }]);

        Assert.Equal(new DataTransferReply("Rejected", "no"), await handlers.HandleAsync("cp-1", Vendor, "m", null, Ct));
    }
}
