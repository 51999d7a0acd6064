using Iskra.Csms.Access;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Resources;

/// <summary>The keys Iskra makes itself at start-up (<c>ISKRA_API_KEY</c>) are audited as the start-up's doing, and only when they change.</summary>
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
}
