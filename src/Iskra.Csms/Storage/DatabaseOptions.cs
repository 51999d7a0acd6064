namespace Iskra.Csms.Storage;

/// <summary>Which database a node uses. A connection string with <c>Host=</c> selects PostgreSQL; anything else is SQLite.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=data/iskra.db";

    public string ConnectionString { get; set; } = DefaultSqlite;

    public bool IsPostgres => IsPostgresConnectionString(ConnectionString);

    public static bool IsPostgresConnectionString(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);
}
