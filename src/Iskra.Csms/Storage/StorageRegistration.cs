using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// Creates the database folder and file (SQLite) for the owner only (<see cref="OwnerOnly"/>), applies
    /// pending migrations and turns on WAL.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<IskraDbContext> contexts, DatabaseOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!options.IsPostgres)
        {
            SecureSqliteFiles(options.ConnectionString, logger);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (!options.IsPostgres)
        {
            // WAL lets readers run beside the writer; synchronous stays FULL (SQLite's default), so a commit is durable.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The folder 0700 and the database file 0600 before SQLite opens it; SQLite creates -wal and -shm with the file's mode.</summary>
    private static void SecureSqliteFiles(string connectionString, ILogger logger)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var file = Path.GetFullPath(builder.DataSource);
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            OwnerOnly.SecureFolder(folder, logger);
        }

        OwnerOnly.SecureFile(file, logger);
        OwnerOnly.SecureFileIfExists(file + "-wal", logger);
        OwnerOnly.SecureFileIfExists(file + "-shm", logger);
    }
}
