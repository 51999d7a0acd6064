using Iskra.Csms.DataTransfer;

namespace Iskra.Csms.Tests.DataTransfer;

/// <summary>Which display shows a 1.6 station its costs: the first registered that supports it, else none.</summary>
public sealed class CostDisplaysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_registered_display_that_supports_the_station_is_chosen()
    {
        var a = new FixedCostDisplay("a", "cp-1");
        var b = new FixedCostDisplay("b", "cp-1", "cp-2");
        var displays = new CostDisplays([a, b]);

        Assert.Equal("a", (await displays.ForAsync("cp-1", Ct))?.Name);
        Assert.Equal("b", (await displays.ForAsync("cp-2", Ct))?.Name);
        Assert.Equal((2, 1), (a.Asked, b.Asked)); // cp-1 stopped at a; cp-2 asked a, then b
    }

    [Fact]
    public async Task No_display_supporting_the_station_means_no_price_message()
    {
        var displays = new CostDisplays([new FixedCostDisplay("a", "cp-1")]);

        Assert.Null(await displays.ForAsync("cp-9", Ct));
        Assert.Null(await new CostDisplays([]).ForAsync("cp-1", Ct));
    }
}
