using Iskra.Csms.Tariffs;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>Which tariff a session gets: the most specific assignment wins, in a fixed order, never by chance.</summary>
public sealed class TariffSelectorTests
{
    private static readonly TariffDefinition Any = new("EUR", 0, [new TariffElement([new PriceComponent(TariffDimension.Energy, 0.30m)])]);

    private static ActiveTariff T(string id, TariffAssignment assignment) => new(id, 1, Any, assignment);

    private static readonly ActiveTariff[] Network =
    [
        T("default", new TariffAssignment(AllStations: true)),
        T("site", new TariffAssignment(Stations: ["SITE-A-*"])),
        T("site-north", new TariffAssignment(Stations: ["SITE-A-N*"])),
        T("station", new TariffAssignment(Stations: ["SITE-A-N1"])),
        T("dc", new TariffAssignment(Stations: ["SITE-A-*"], ConnectorTypes: ["cCCS2"])),
        T("fleet", new TariffAssignment(AllStations: true, IdTagGroups: ["FLEET"])),
        T("nowhere", TariffAssignment.None),
    ];

    [Theory]
    [InlineData("OTHER-1", null, null, null, "default")] // no closer assignment: the network's default
    [InlineData("SITE-A-S3", null, null, null, "site")] // a group of stations by prefix
    [InlineData("SITE-A-N7", null, null, null, "site-north")] // the longer prefix wins
    [InlineData("SITE-A-N1", null, null, null, "station")] // the station by its id beats every prefix
    [InlineData("SITE-A-S3", "CAR", null, "cCCS2", "dc")] // the connector's type named, at the same station rank
    [InlineData("SITE-A-N1", "CAR", null, "cCCS2", "station")] // ...but the station rank comes first
    [InlineData("SITE-A-N1", "CAR", "FLEET", null, "fleet")] // a fleet's contract price beats everything
    [InlineData("OTHER-1", "FLEET", null, null, "fleet")] // the group's own card counts as a member
    [InlineData("OTHER-1", "CAR", "ELSEWHERE", null, "default")] // another group: the fleet tariff does not apply
    public void The_most_specific_assignment_wins(string station, string? idTag, string? group, string? connectorType, string expected) =>
        Assert.Equal(expected, TariffSelector.Select(Network, station, idTag, group, connectorType)?.TariffId);

    [Fact]
    public void Equal_ranks_are_decided_by_the_lowest_tariff_id_and_no_assignment_means_no_tariff()
    {
        ActiveTariff[] tied = [T("b", new TariffAssignment(AllStations: true)), T("a", new TariffAssignment(AllStations: true))];

        Assert.Equal("a", TariffSelector.Select(tied, "CP-1", null, null, null)?.TariffId);
        Assert.Equal("a", TariffSelector.Select([.. tied.Reverse()], "CP-1", null, null, null)?.TariffId);
        Assert.Null(TariffSelector.Select([T("nowhere", TariffAssignment.None)], "CP-1", null, null, null));
        Assert.Null(TariffSelector.Select([T("dc", new TariffAssignment(AllStations: true, ConnectorTypes: ["cCCS2"]))], "CP-1", null, null, null)); // type unknown
    }
}
