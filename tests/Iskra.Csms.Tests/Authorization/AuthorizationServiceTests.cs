using Iskra.Csms.Authorization;
using Iskra.Csms.Tests.Infrastructure;

namespace Iskra.Csms.Tests.Authorization;

public sealed class AuthorizationServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_id_tag_is_Invalid_and_flagged_as_not_known()
    {
        await using var csms = await CsmsHarness.StartAsync();

        var result = await csms.Get<AuthorizationService>().AuthorizeAsync("NOBODY", null, Ct);

        Assert.Equal(IdTagStatus.Invalid, result.Status);
        Assert.False(result.Known);
        Assert.Null(result.ExpiryDate);
        Assert.Null(result.ParentIdTag);
    }

    [Fact]
    public async Task A_known_accepted_id_tag_is_Accepted_with_its_expiry_and_group()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var expiry = CsmsHarness.Start.AddDays(30);
        await csms.SeedAsync(
            new IdTag { Value = "GROUP", CreatedAt = CsmsHarness.Start },
            new IdTag { Value = "TAG-1", ExpiryDate = expiry, ParentIdTag = "GROUP", CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<AuthorizationService>().AuthorizeAsync("TAG-1", null, Ct);

        Assert.Equal(new AuthorizationResult(IdTagStatus.Accepted, expiry, "GROUP") { Known = true }, result);
    }

    [Fact]
    public async Task An_id_tag_past_its_expiry_date_is_Expired()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new IdTag { Value = "TAG-1", ExpiryDate = CsmsHarness.Start.AddHours(1), CreatedAt = CsmsHarness.Start });
        var authorization = csms.Get<AuthorizationService>();

        var before = await authorization.AuthorizeAsync("TAG-1", null, Ct);
        csms.Time.Advance(TimeSpan.FromHours(2));
        var after = await authorization.AuthorizeAsync("TAG-1", null, Ct);

        Assert.Equal(IdTagStatus.Accepted, before.Status);
        Assert.Equal(IdTagStatus.Expired, after.Status);
        Assert.True(after.Known);
    }

    [Fact]
    public async Task A_blocked_id_tag_is_Blocked()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new IdTag { Value = "TAG-1", Status = IdTagStatus.Blocked, CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<AuthorizationService>().AuthorizeAsync("TAG-1", null, Ct);

        Assert.Equal(IdTagStatus.Blocked, result.Status);
    }

    [Fact]
    public async Task A_member_of_a_blocked_group_is_Blocked()
    {
        // OCPP 1.6 §3.10 Parent idTag / 2.0.1 C09 (GroupId): tags that share a parent form a group.
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(
            new IdTag { Value = "FLEET", Status = IdTagStatus.Blocked, CreatedAt = CsmsHarness.Start },
            new IdTag { Value = "DRIVER", ParentIdTag = "FLEET", CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<AuthorizationService>().AuthorizeAsync("DRIVER", null, Ct);

        Assert.Equal(IdTagStatus.Blocked, result.Status);
        Assert.Equal("FLEET", result.ParentIdTag);
    }

    [Fact]
    public async Task A_member_of_an_accepted_or_unregistered_group_stays_Accepted()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(
            new IdTag { Value = "FLEET", CreatedAt = CsmsHarness.Start },
            new IdTag { Value = "DRIVER-1", ParentIdTag = "FLEET", CreatedAt = CsmsHarness.Start },
            new IdTag { Value = "DRIVER-2", ParentIdTag = "UNREGISTERED", CreatedAt = CsmsHarness.Start });
        var authorization = csms.Get<AuthorizationService>();

        Assert.Equal(IdTagStatus.Accepted, (await authorization.AuthorizeAsync("DRIVER-1", null, Ct)).Status);
        Assert.Equal(IdTagStatus.Accepted, (await authorization.AuthorizeAsync("DRIVER-2", null, Ct)).Status);
    }

    [Fact]
    public async Task The_NoAuthorization_token_type_is_Accepted_without_any_stored_tag()
    {
        // 2.0.1 Part 2 §3.1.2 AuthCtrlr.Enabled=false: the station sends idToken type NoAuthorization.
        await using var csms = await CsmsHarness.StartAsync();

        var result = await csms.Get<AuthorizationService>().AuthorizeAsync("", "NoAuthorization", Ct);

        Assert.Equal(IdTagStatus.Accepted, result.Status);
        Assert.True(result.Known);
    }
}
