using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>Every value of every column of every table of a test server's database, as text, to search for what must not be stored.</summary>
public static class DatabaseText
{
    public static async Task<List<(string Table, string Value)>> AllAsync(IskraServer server)
    {
        await using var db = server.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        var listTables = server.Database.Provider == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = listTables;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("traffic", string.Join(" ", tables), StringComparison.Ordinal);
        var values = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i, TestContext.Current.CancellationToken))
                    {
                        var value = reader.GetValue(i);
                        values.Add((table, value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    }
                }
            }
        }

        return values;
    }
}
