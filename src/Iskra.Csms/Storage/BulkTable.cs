using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Iskra.Csms.Storage;

/// <summary>
/// Bulk INSERTs of an append-only entity on the writer's connection and transaction. EF Core would
/// track, order and prepare every row on its own, which is most of a batch's cost for the traffic log
/// and meter values. On SQLite (in-process, no round trips) one single-row statement is prepared once
/// and stepped per row; elsewhere one statement carries many rows per round trip. Table and column names, type
/// mappings and value converters come from the EF Core model, so the rows are stored exactly as EF
/// Core would store them, on SQLite and on PostgreSQL.
/// </summary>
internal sealed class BulkTable<T>
    where T : class
{
    // SQLite's historical limit on host parameters per statement is 999.
    private const int MaxParameters = 999;

    private readonly Column[] _columns;
    private readonly string _insertInto;
    private readonly string _onConflict;
    private readonly int _rowsPerStatement;
    private readonly string _fullStatement;

    private BulkTable(string table, Column[] columns, bool singleRow, bool skipConflicts)
    {
        _columns = columns;
        // SQLite (3.24+) and PostgreSQL both read this: a row that breaks a unique index is skipped.
        _onConflict = skipConflicts ? " ON CONFLICT DO NOTHING" : "";
        _insertInto = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";
        _rowsPerStatement = singleRow ? 1 : MaxParameters / columns.Length;
        _fullStatement = Statement(_rowsPerStatement);
    }

    /// <summary>
    /// Describes <typeparamref name="T"/>'s table from <paramref name="model"/>; each column is a property
    /// name and how to read it. <paramref name="singleRow"/>: one row per statement, for SQLite.
    /// <paramref name="skipConflicts"/>: a row that breaks a unique index is skipped, not an error.
    /// </summary>
    public static BulkTable<T> Create(IModel model, bool singleRow, bool skipConflicts, params (string Property, Func<T, object?> Value)[] columns)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var mapped = columns.Select(c =>
        {
            var property = entity.FindProperty(c.Property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{c.Property} is not mapped.");
            return new Column(property.GetColumnName(table)!, property.GetRelationalTypeMapping(), property.IsNullable, c.Value);
        }).ToArray();
        return new BulkTable<T>(tableName, mapped, singleRow, skipConflicts);
    }

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="transaction"/>.</summary>
    public async Task InsertAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += _rowsPerStatement)
            {
                var count = Math.Min(_rowsPerStatement, rows.Count - start);
                var partial = count == _rowsPerStatement ? null : NewCommand(connection, transaction, Statement(count));
                var command = partial ?? (full ??= NewCommand(connection, transaction, _fullStatement));
                try
                {
                    Bind(command, rows, start, count);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (partial is not null)
                    {
                        await partial.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void Bind(DbCommand command, IReadOnlyList<T> rows, int start, int count)
    {
        var parameters = command.Parameters;
        var reuse = parameters.Count == count * _columns.Length;
        var index = 0;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r];
            foreach (var column in _columns)
            {
                var value = column.Value(row);
                if (reuse)
                {
                    parameters[index].Value = value is null ? DBNull.Value : column.Mapping.Converter?.ConvertToProvider(value) ?? value;
                }
                else
                {
                    // The mapping applies its value converter (SQLite stores times as ticks) and provider types.
                    parameters.Add(column.Mapping.CreateParameter(command, ParameterName(index), value, column.Nullable));
                }

                index++;
            }
        }
    }

    private static DbCommand NewCommand(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private string Statement(int rows)
    {
        var sql = new StringBuilder(_insertInto, _insertInto.Length + (rows * _columns.Length * 8));
        var index = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(ParameterName(index++));
            }

            sql.Append(')');
        }

        return sql.Append(_onConflict).ToString();
    }

    private static string ParameterName(int index) => index < Names.Length ? Names[index] : "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] Names = Enumerable.Range(0, MaxParameters).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<T, object?> Value);
}
