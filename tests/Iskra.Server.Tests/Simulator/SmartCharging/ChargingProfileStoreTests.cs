using Iskra.Simulator.SmartCharging;

namespace Iskra.Server.Tests.Simulator.SmartCharging;

/// <summary>The replacement rules of the simulator's profile store: 1.6 §3.13.2/§5.16.3 and 2.0.1 K01.FR.05/06.</summary>
public sealed class ChargingProfileStoreTests
{
    private static ChargingProfile Profile(int id, int stackLevel, ProfilePurpose purpose = ProfilePurpose.TxDefault, int connectorId = 1) => new()
    {
        Id = id,
        ConnectorId = connectorId,
        StackLevel = stackLevel,
        Purpose = purpose,
        Periods = [new SchedulePeriod(0, 1000 * id)],
    };

    [Fact]
    public void The_same_id_replaces_the_installed_profile_on_both_versions()
    {
        foreach (var replaceSameStackLevel in new[] { true, false })
        {
            var store = new ChargingProfileStore();
            Assert.True(store.Install(Profile(1, 0), replaceSameStackLevel, 10));
            Assert.True(store.Install(Profile(1, 3), replaceSameStackLevel, 10));
            Assert.Equal(3, Assert.Single(store.Profiles).StackLevel);
        }
    }

    [Fact]
    public void On_1_6_the_same_stack_level_and_purpose_replaces_and_on_2_0_1_it_is_rejected()
    {
        var v16 = new ChargingProfileStore();
        Assert.True(v16.Install(Profile(1, 2), replaceSameStackLevel: true, 10));
        Assert.True(v16.Install(Profile(2, 2), replaceSameStackLevel: true, 10));
        Assert.Equal(2, Assert.Single(v16.Profiles).Id);

        var v201 = new ChargingProfileStore();
        Assert.True(v201.Install(Profile(1, 2), replaceSameStackLevel: false, 10));
        Assert.False(v201.Install(Profile(2, 2), replaceSameStackLevel: false, 10));
        Assert.True(v201.Install(Profile(3, 2, connectorId: 2), replaceSameStackLevel: false, 10)); // another EVSE
        Assert.True(v201.Install(Profile(4, 2, ProfilePurpose.Tx), replaceSameStackLevel: false, 10)); // another purpose
        Assert.Equal([1, 3, 4], v201.Profiles.Select(p => p.Id));
    }

    [Fact]
    public void No_more_than_the_maximum_is_installed_and_clear_removes_what_matches()
    {
        var store = new ChargingProfileStore();
        Assert.True(store.Install(Profile(1, 0), true, 2));
        Assert.True(store.Install(Profile(2, 1), true, 2));
        Assert.False(store.Install(Profile(3, 2), true, 2));
        Assert.True(store.Install(Profile(2, 5), true, 2)); // a replacement still fits

        Assert.Equal(1, store.Clear(p => p.StackLevel == 5));
        Assert.Equal(0, store.Clear(p => p.Id == 9));
        Assert.Equal(1, Assert.Single(store.Profiles).Id);
    }
}
