using Iskra.Csms.Access;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Resources;

/// <summary>
/// What Iskra makes itself at start-up (the <c>ISKRA_API_KEY</c> key, the configured seed stations and id tags) is
/// audited as the start-up's doing, and only when something changes.
/// </summary>
public sealed class AdminAuditStartUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_changed_ISKRA_API_KEY_is_audited_as_a_rotation_and_an_unchanged_one_not_at_all(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        const string Other = "isk_ROTATEDXsecret-for-tests-only-9876543210fedcba";
        await (await IskraServer.StartAsync(database)).DisposeAsync();
        await (await IskraServer.StartAsync(database)).DisposeAsync();
        await using var server = await IskraServer.StartAsync(database, new Dictionary<string, string?> { ["API_KEY"] = Other });

        await using var db = server.CreateDbContext();
        var rows = await db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([AdminActions.ApiKeyCreated, AdminActions.ApiKeyRotated], rows.Select(r => r.Command));
        Assert.All(rows, r => Assert.Equal((AdminAudit.StartUp, "name,role", null), (r.Actor, r.Fields, r.StationId)));
        Assert.Equal(["TESTADMN", "ROTATEDX"], rows.Select(r => r.Target));
        Assert.DoesNotContain(rows, r => $"{r.Target}{r.Fields}{r.Request}{r.Response}".Contains("secret", StringComparison.Ordinal));
        Assert.Equal(200, (int)(await server.Api(Other).GetAsync(new Uri("/api/audit", UriKind.Relative), Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seeded_stations_and_id_tags_are_audited_once_by_field_names(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        const string Password = "SeedLeak0123456789abcdef";
        var seed = new Dictionary<string, string?>
        {
            ["Seed:Stations:0:Id"] = "seeded-1",
            ["Seed:Stations:0:Password"] = Password,
            ["Seed:IdTags:0:IdTag"] = "SEEDED-TAG",
            ["Seed:IdTags:0:ParentIdTag"] = "FLEET-1",
        };
        await (await IskraServer.StartAsync(database, seed)).DisposeAsync();
        await using var server = await IskraServer.StartAsync(database, seed);

        await using var db = server.CreateDbContext();
        var rows = await db.Audit.AsNoTracking().Where(a => a.Command != AdminActions.ApiKeyCreated).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(
            [(AdminActions.StationCreated, "seeded-1", "securityProfile,password", "seeded-1"), (AdminActions.IdTagCreated, "SEEDED-TAG", "status,parentIdTag", null)],
            rows.Select(r => (r.Command, r.Target, r.Fields, r.StationId)));
        Assert.All(rows, r => Assert.Equal(AdminAudit.StartUp, r.Actor));
        Assert.DoesNotContain((await DatabaseText.AllAsync(server)).Where(v => v.Table == "audit"), v => v.Value.Contains(Password, StringComparison.Ordinal));
    }
}
