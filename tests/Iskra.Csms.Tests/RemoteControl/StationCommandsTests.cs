using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Tests.RemoteControl;

/// <summary>The outbound rules of <see cref="StationCommands"/> against a fake <see cref="IStationChannel"/>: what is checked, sent, refused and audited.</summary>
public sealed class StationCommandsTests
{
    private static readonly ApiCaller Operator = new("k1", "ops", ApiRole.Operator);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(OcppVersion.V16, """{"type":"Soft"}""")]
    [InlineData(OcppVersion.V201, """{"type":"OnIdle"}""")]
    public async Task A_typed_request_is_checked_once_and_goes_out_as_the_station_version_spells_it(OcppVersion version, string wire)
    {
        var station = new FakeStationChannel("cp-1", version).Answer("Reset", """{"status":"Accepted"}""");
        await using var csms = await StartAsync(station);

        var outcome = await csms.Get<StationCommands>().SendAsync("cp-1", "reset", Body("""{"type":"Soft"}"""), Operator, Ct);

        Assert.Equal("Accepted", outcome.Status);
        Assert.Equal(1, station.Checks);
        var (action, payload) = Assert.Single(station.Sent);
        Assert.Equal(("Reset", wire), (action, payload.GetRawText()));
        var audit = await AuditAsync(csms);
        Assert.Equal(("Reset", wire, "Accepted", """{"status":"Accepted"}"""), (audit.Action, audit.Request, audit.Outcome, audit.Response));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "123456789012345678901", "$.idTag")] // 1.6 idTag: at most 20 characters
    [InlineData(OcppVersion.V201, "1234567890123456789012345678901234567", "$.idToken.idToken")] // 2.0.1 idToken: 36
    public async Task A_request_its_schema_refuses_is_checked_once_never_sent_and_leaves_no_remote_start(OcppVersion version, string idTag, string path)
    {
        var station = new FakeStationChannel("cp-1", version);
        await using var csms = await StartAsync(station);

        var refused = await Assert.ThrowsAsync<CommandException>(() =>
            csms.Get<StationCommands>().SendAsync("cp-1", "remote-start", Body($$"""{"idTag":"{{idTag}}"}"""), Operator, Ct));

        Assert.Equal(CommandFailure.InvalidBody, refused.Failure);
        Assert.Equal(path, Assert.Single(refused.Violations).Path);
        Assert.Equal(1, station.Checks);
        Assert.Empty(station.Sent);
        await using var db = await csms.DbAsync();
        Assert.Empty(await db.RemoteStarts.ToListAsync(Ct));
        var audit = await AuditAsync(csms);
        Assert.Equal(("remote-start", "InvalidBody"), (audit.Command, audit.Outcome));
        Assert.Null(audit.Action); // nothing was sent
    }

    [Fact]
    public async Task An_answer_that_violates_the_response_schema_is_InvalidResponse_and_fails_the_tracked_request()
    {
        var station = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("RemoteStartTransaction", """{"status":"Maybe"}""");
        await using var csms = await StartAsync(station);

        var invalid = await Assert.ThrowsAsync<OcppInvalidResponseException>(() =>
            csms.Get<StationCommands>().SendAsync("cp-1", "remote-start", Body("""{"idTag":"TAG-1"}"""), Operator, Ct));

        Assert.Equal("$.status", invalid.Error.Path);
        Assert.Single(station.Sent);
        var audit = await AuditAsync(csms);
        Assert.Equal(("RemoteStartTransaction", "InvalidResponse"), (audit.Action, audit.Outcome));
        Assert.Contains("Maybe", audit.Response, StringComparison.Ordinal);
        await using var db = await csms.DbAsync();
        var start = await db.RemoteStarts.SingleAsync(Ct);
        Assert.Equal(("Failed", "InvalidResponse"), (start.Status, start.Failure));
    }

    [Fact]
    public async Task A_call_built_for_the_other_version_is_never_sent()
    {
        var station = new FakeStationChannel("cp-1", OcppVersion.V201).Answer("Reset", """{"status":"Accepted"}""");
        await using var csms = await StartAsync(station);
        var commands = new StationCommands(
            [new SixteenOnlyReset()], station, csms.Get<StationClaims>(), csms.Get<IDbContextFactory<IskraDbContext>>(),
            csms.Get<CsmsEvents>(), csms.Get<TimeProvider>(), csms.Get<ILogger<StationCommands>>());

        var guard = await Assert.ThrowsAsync<InvalidOperationException>(() => commands.SendAsync("cp-1", "reset-16", default, Operator, Ct));

        Assert.Contains("2.0.1", guard.Message, StringComparison.Ordinal);
        Assert.Equal(0, station.Checks);
        Assert.Empty(station.Sent);
    }

    [Fact]
    public async Task A_claimed_station_gets_Claimed_before_anything_is_built_or_sent()
    {
        var station = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("Reset", """{"status":"Accepted"}""").Answer("ClearCache", """{"status":"Accepted"}""");
        await using var csms = await StartAsync(station);
        Assert.True(csms.Get<StationClaims>().TryClaim("cp-1", new LabClaim(), out _));
        var commands = csms.Get<StationCommands>();

        var command = await Assert.ThrowsAsync<CommandException>(() => commands.SendAsync("cp-1", "reset", Body("""{"type":"Soft"}"""), Operator, Ct));
        var raw = await Assert.ThrowsAsync<CommandException>(() => commands.CallRawAsync("cp-1", "ClearCache", Body("{}"), Operator, Ct));

        Assert.Equal((CommandFailure.Claimed, CommandFailure.Claimed), (command.Failure, raw.Failure));
        Assert.Contains("lab run 7", command.Message, StringComparison.Ordinal);
        Assert.Equal(0, station.Checks);
        Assert.Empty(station.Sent);
        await using var db = await csms.DbAsync();
        Assert.Equal(["Claimed", "Claimed"], await db.Audit.Select(a => a.Outcome).ToListAsync(Ct));
    }

    private static async Task<CsmsHarness> StartAsync(FakeStationChannel station)
    {
        var csms = await CsmsHarness.StartAsync(services: s => s.AddSingleton<IStationChannels>(station));
        await csms.SeedAsync(new Station { Id = station.StationId, CreatedAt = CsmsHarness.Start });
        return csms;
    }

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static async Task<AuditEntry> AuditAsync(CsmsHarness csms)
    {
        await using var db = await csms.DbAsync();
        return await db.Audit.SingleAsync(Ct);
    }

    /// <summary>A faulty command: it always builds the 1.6 Reset, whatever the station speaks.</summary>
    private sealed class SixteenOnlyReset : StationCommand
    {
        public override string Name => "reset-16";

        public override IReadOnlyList<string> Fields { get; } = [];

        public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommandCall.Of(V16Calls.Reset, new ResetRequest { Type = ResetType.Soft }));
    }

    private sealed class LabClaim : IStationClaim
    {
        public string Owner => "test lab run 7";

        public string Reference => "/api/lab/runs/7";

        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
        }
    }
}
