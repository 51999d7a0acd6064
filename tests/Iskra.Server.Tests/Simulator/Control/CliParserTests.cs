using Iskra.Ocpp;
using Iskra.Simulator.Cli;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>The simulator's command line, parsed without running anything.</summary>
public sealed class CliParserTests
{
    [Fact]
    public void The_minimal_command_line_gives_one_1_6_station_with_two_AC_connectors()
    {
        var options = CliParser.Parse(["--url", "ws://localhost:8180/ocpp", "--id", "CP-1"]);

        Assert.Equal(new Uri("ws://localhost:8180/ocpp"), options.Url);
        Assert.Equal(OcppVersion.V16, options.Version);
        Assert.Equal(["CP-1"], options.StationIds());
        Assert.Equal(2, options.Connectors);
        Assert.False(options.Dc || options.Sessions || options.Quiet);
        Assert.Null(options.ControlPort);
        Assert.Equal("127.0.0.1", options.ControlBind);
        var station = Assert.Single(SimulatorCli.Build(options));
        Assert.Equal("CP-1", station.Id);
        Assert.Equal(2, station.Connectors.Count);
        Assert.All(station.Connectors, c => Assert.False(c.Dc));
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = CliParser.Parse([
            "--url", "wss://csms.example/ocpp", "--id", "CP-1", "--version", "2.0.1", "--password", "secret-secret-123",
            "--count", "3", "--connectors", "1", "--dc", "--meter-interval", "10", "--fault", "answerslate", "--fault", "KwhLabelledWh",
            "--control-port", "8190", "--sessions", "--card", "A1", "--card", "B2", "--quiet",
        ]);

        Assert.Equal(OcppVersion.V201, options.Version);
        Assert.Equal("secret-secret-123", options.Password);
        Assert.Equal(["CP-1", "CP-2", "CP-3"], options.StationIds());
        Assert.Equal(1, options.Connectors);
        Assert.True(options.Dc && options.Sessions && options.Quiet);
        Assert.Equal([StationFault.AnswersLate, StationFault.KwhLabelledWh], options.Faults);
        Assert.Equal(8190, options.ControlPort);
        Assert.Equal(["A1", "B2"], options.Cards);
        var stations = SimulatorCli.Build(options).ToList();
        Assert.Equal(3, stations.Count);
        Assert.All(stations, s => Assert.True(Assert.Single(s.Connectors).Dc));
        Assert.All(stations, s => Assert.Equal(OcppVersion.V201, s.Version));
        Assert.All(stations, s => Assert.Equal("10", s.Configuration["MeterValueSampleInterval"]));
    }

    [Theory]
    [InlineData("CP", 3, "CP-1,CP-2,CP-3")]
    [InlineData("CP-7", 2, "CP-7,CP-8")]
    [InlineData("BOX09", 2, "BOX09,BOX10")]
    [InlineData("CP-1", 1, "CP-1")]
    public void Count_numbers_the_station_ids(string id, int count, string expected)
    {
        var options = CliParser.Parse(["--url", "ws://h/ocpp", "--id", id, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(expected.Split(','), options.StationIds());
    }

    [Theory]
    [InlineData("--id CP-1", "--url and --id are required")]
    [InlineData("--url ws://h/ocpp", "--url and --id are required")]
    [InlineData("--url http://h/ocpp --id CP-1", "ws:// or wss://")]
    [InlineData("--url ws://h/ocpp --id CP-1 --version 1.5", "1.6 or 2.0.1")]
    [InlineData("--url ws://h/ocpp --id CP-1 --count 0", "--count must be a number")]
    [InlineData("--url ws://h/ocpp --id CP-1 --connectors x", "--connectors must be a number")]
    [InlineData("--url ws://h/ocpp --id CP-1 --fault Nope", "No fault 'Nope'")]
    [InlineData("--url ws://h/ocpp --id CP-1 --colour red", "Unknown option '--colour'")]
    [InlineData("--url ws://h/ocpp --id CP-1 --control-bind localhost", "--control-bind must be an IP address")]
    [InlineData("--url ws://h/ocpp --id", "--id needs a value")]
    [InlineData("--url ws://h/ocpp --id --dc", "--id needs a value")]
    [InlineData("--url ws://h/ocpp --id CP-1 --client-cert-password p", "needs --client-cert")]
    public void Mistakes_are_named(string commandLine, string message)
    {
        var error = Assert.Throws<FormatException>(() => CliParser.Parse(commandLine.Split(' ')));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_needs_nothing_else_and_the_usage_names_every_option()
    {
        Assert.True(CliParser.Parse(["--help"]).Help);
        foreach (var option in new[] { "--url", "--id", "--version", "--password", "--count", "--connectors", "--dc", "--meter-interval", "--fault", "--control-port", "--sessions", "--card", "--client-cert", "--client-cert-password", "--ca", "--quiet" })
        {
            Assert.Contains(option + " ", CliUsage.Text, StringComparison.Ordinal);
        }
    }
}
