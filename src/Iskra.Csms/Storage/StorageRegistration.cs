using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Iskra.Csms.Storage;

/// <summary>Wires the database (SQLite or PostgreSQL, each with its own migrations assembly) and the <see cref="StorageWriter"/>.</summary>
public static class StorageRegistration
{
    public const string SqliteMigrations = "Iskra.Migrations.Sqlite";
    public const string PostgresMigrations = "Iskra.Migrations.Postgres";

    public static IServiceCollection AddIskraStorage(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<IskraDbContext>(b => Configure(b, options.ConnectionString));
        services.AddSingleton<StorageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageWriter>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        if (DatabaseOptions.IsPostgresConnectionString(connectionString))
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
        }
    }

    /// <summary>Creates the database folder (SQLite), applies pending migrations and turns on WAL.</summary>
    public static async Task MigrateAsync(IDbContextFactory<IskraDbContext> contexts, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (!options.IsPostgres)
        {
            var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (!options.IsPostgres)
        {
            // WAL lets readers run beside the writer; synchronous stays FULL (SQLite's default), so a commit is durable.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
