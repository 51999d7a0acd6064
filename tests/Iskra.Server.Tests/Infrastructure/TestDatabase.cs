using System.Diagnostics;
using Npgsql;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test server: a SQLite file in a temp folder, or a new database on the
/// real PostgreSQL that eng/postgres.sh installs and starts on loopback (ISKRA_TEST_POSTGRES names it;
/// when it is not set the script is run here, so a plain <c>dotnet test</c> works too).
/// </summary>
public sealed class TestDatabase
{
    private static readonly SemaphoreSlim PostgresStart = new(1, 1);
    private static string? _postgresAdmin;

    private TestDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public override string ToString() => Provider;

    /// <summary>A SQLite database at <paramref name="file"/>, whose folder may not exist yet.</summary>
    public static TestDatabase Sqlite(string file) => new("sqlite", $"Data Source={file}");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "iskra-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "iskra.db")}");
        }

        var admin = await PostgresAdminAsync();
        var name = "iskra_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString);
    }

    private static async Task<string> PostgresAdminAsync()
    {
        await PostgresStart.WaitAsync();
        try
        {
            _postgresAdmin ??= Environment.GetEnvironmentVariable("ISKRA_TEST_POSTGRES") is { Length: > 0 } configured
                ? configured
                : await RunPostgresScriptAsync();
            return _postgresAdmin;
        }
        finally
        {
            PostgresStart.Release();
        }
    }

    private static async Task<string> RunPostgresScriptAsync()
    {
        var script = Path.Combine(RepoRoot.Path, "eng", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/postgres.sh failed ({process.ExitCode}): {error}");
        }

        return output.Trim().Split('\n')[^1].Trim();
    }
}
