using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>The control API's refusals (RFC 7807 problems) and its fault switches.</summary>
public sealed class ControlApiErrorTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Iskra => shared.Server;

    [Fact]
    public async Task Unknown_station_connector_fault_or_path_is_404()
    {
        await using var control = await ControlApi.StartAsync(Iskra, "ctl-404", OcppVersion.V16);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("127.0.0.1", control.Server.BaseUri.Host); // loopback unless told otherwise

        var station = await (await control.Http.GetAsync("/stations/nobody", ct)).ProblemAsync(404);
        Assert.Contains("nobody", station.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://", station.GetProperty("type").GetString(), StringComparison.Ordinal);
        await (await control.PostAsync("/stations/ctl-404/connectors/3/plug")).ProblemAsync(404);
        await (await control.PostAsync("/stations/ctl-404/connectors/0/plug")).ProblemAsync(404);
        await (await control.PostAsync("/stations/ctl-404/connectors/x/unplug")).ProblemAsync(404);
        await (await control.Http.PutAsync("/stations/ctl-404/faults/NoSuchFault", null, ct)).ProblemAsync(404);
        await (await control.Http.PutAsync("/stations/ctl-404/faults/1", null, ct)).ProblemAsync(404);
        await (await control.Http.GetAsync("/nothing/here", ct)).ProblemAsync(404);
        await (await control.Http.DeleteAsync("/stations/ctl-404", ct)).ProblemAsync(405);
        await control.Station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Bad_bodies_are_400()
    {
        await using var control = await ControlApi.StartAsync(Iskra, "ctl-400", OcppVersion.V201);
        var ct = TestContext.Current.CancellationToken;

        await (await control.PostAsync("/stations/ctl-400/connectors/1/card", "")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/card", """{"idTag":""}""")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/card", """{"idTag":"ABCDEFGHIJKLMNOPQRSTU"}""")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/plug", "{not json")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/plug", """{"batteryWh":1}""")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/plug", """{"soc":1.5}""")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/plug", """{"capacityWh":-1}""")).ProblemAsync(400);
        await (await control.PostAsync("/stations/ctl-400/connectors/1/fault", """{"errorCode":"NoError"}""")).ProblemAsync(400);
        await (await control.Http.GetAsync("/stations/ctl-400/log?after=soon", ct)).ProblemAsync(400);
        Assert.False(control.Station.Connector(1).Plugged);
        await control.Station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Physically_impossible_acts_are_409()
    {
        await using var control = await ControlApi.StartAsync(Iskra, "ctl-409", OcppVersion.V16);

        var problem = await (await control.PostAsync("/stations/ctl-409/connectors/1/unplug")).ProblemAsync(409);
        Assert.Contains("no EV", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await control.PostAsync("/stations/ctl-409/connectors/2/suspend")).ProblemAsync(409);
        await (await control.PostAsync("/stations/ctl-409/connectors/1/plug")).JsonAsync(200);
        await (await control.PostAsync("/stations/ctl-409/connectors/1/plug")).ProblemAsync(409);
        await (await control.PostAsync("/stations/ctl-409/start")).ProblemAsync(409);
        Assert.True(control.Station.Connector(1).Plugged);
        await control.Station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Faults_switched_over_http_are_on_in_the_station_and_listed()
    {
        await using var control = await ControlApi.StartAsync(Iskra, "ctl-faults", OcppVersion.V16);
        var ct = TestContext.Current.CancellationToken;

        var on = await (await control.Http.PutAsync("/stations/ctl-faults/faults/answerslate", null, ct)).JsonAsync(200);
        await (await control.Http.PutAsync("/stations/ctl-faults/faults/KWHLABELLEDWH", null, ct)).JsonAsync(200);
        Assert.True(control.Station.Faults.IsOn(StationFault.AnswersLate));
        Assert.True(control.Station.Faults.IsOn(StationFault.KwhLabelledWh));
        Assert.Contains("AnswersLate", on.GetProperty("faults").EnumerateArray().Select(f => f.GetString()));
        var active = await control.GetAsync("/stations/ctl-faults/faults");
        Assert.Equal(["AnswersLate", "KwhLabelledWh"], active.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        await (await control.Http.DeleteAsync("/stations/ctl-faults/faults/AnswersLate", ct)).JsonAsync(200);
        Assert.False(control.Station.Faults.IsOn(StationFault.AnswersLate));
        Assert.True(control.Station.Faults.IsOn(StationFault.KwhLabelledWh));

        var all = await control.GetAsync("/faults");
        Assert.Equal(Enum.GetNames<StationFault>(), all.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(all.EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString())));
        await control.Station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Log_after_a_sequence_returns_only_newer_entries()
    {
        await using var control = await ControlApi.StartAsync(Iskra, "ctl-log", OcppVersion.V16);

        var all = await control.GetAsync("/stations/ctl-log/log");
        var sequences = all.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.True(sequences.Count >= 2, all.ToString());
        var newer = await control.GetAsync($"/stations/ctl-log/log?after={sequences[0]}");
        Assert.Equal(sequences.Skip(1), newer.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).Take(sequences.Count - 1));
        Assert.Empty((await control.GetAsync($"/stations/ctl-log/log?after={long.MaxValue}")).EnumerateArray());
        await control.Station.AssertSentFramesValidAsync();
    }
}
