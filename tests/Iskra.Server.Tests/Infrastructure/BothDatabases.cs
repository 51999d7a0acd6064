namespace Iskra.Server.Tests.Infrastructure;

/// <summary>A test class that runs its storage rows on a shared server of each database (<see cref="Matrix"/> gives the rows).</summary>
public abstract class BothDatabases(SharedSqliteServer sqlite, SharedPostgresServer postgres)
    : IClassFixture<SharedSqliteServer>, IClassFixture<SharedPostgresServer>
{
    /// <summary>The shared server on <paramref name="provider"/> ("sqlite" or "postgres").</summary>
    protected IskraServer On(string provider) => provider switch
    {
        "sqlite" => sqlite.Server,
        "postgres" => postgres.Server,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres"),
    };
}
