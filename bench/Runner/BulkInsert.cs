using System.Text;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsNetwork.Bench;

/// <summary>
/// Multi-row INSERTs of the portal's own entities, with the tables, columns, value conversions and
/// parameters taken from PortalDbContext's model (so a new column in a migration is picked up, and values
/// are stored exactly as EF stores them), on SQLite, PostgreSQL and SQL Server alike. Keys are given by the caller;
/// EF's change tracker and per-row statements are not involved. After the inserts, call
/// <see cref="ResetSequencesAsync"/> so that rows the portal adds later get the next keys.
/// </summary>
public sealed class BulkInsert(PortalDbContext db)
{
    // Microsoft.Data.Sqlite finds each parameter by name (a linear search, so a statement's cost grows with
    // the square of its parameters): small statements there, large ones for PostgreSQL; SQL Server takes at most
    // 2,100 parameters in one request.
    private int ParametersPerStatement => DatabaseSetup.ProviderOf(db) switch
    {
        DatabaseProvider.Sqlite => 240,
        DatabaseProvider.SqlServer => 2_000,
        _ => 4_000,
    };

    /// <summary>Inserts <paramref name="rows"/> of entity type <paramref name="entityType"/> (and the owned types stored in its table).</summary>
    public async Task InsertAsync<T>(IEntityType entityType, IReadOnlyList<T> rows, Func<T, string, object?>? shadow = null)
        where T : class
    {
        if (rows.Count == 0) return;
        var columns = Columns(entityType, shadow);
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var perStatement = Math.Max(1, ParametersPerStatement / columns.Count);
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";
        // SQL Server refuses a given value for an identity column unless the table allows it for the statement.
        var identity = DatabaseSetup.ProviderOf(db) == DatabaseProvider.SqlServer && entityType.GetProperties()
            .Any(p => SqlServerPropertyExtensions.GetValueGenerationStrategy(p) == SqlServerValueGenerationStrategy.IdentityColumn);
        if (identity) head = $"SET IDENTITY_INSERT \"{table}\" ON; {head}";
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head);
            var n = 0;
            for (var r = start; r < Math.Min(start + perStatement, rows.Count); r++)
            {
                if (r > start) sql.Append(", ");
                sql.Append('(');
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{n++}";
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, columns[c].Get(rows[r]), columns[c].Nullable));
                }

                sql.Append(')');
            }

            if (identity) sql.Append($"; SET IDENTITY_INSERT \"{table}\" OFF;");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: moves each table's identity sequence past the keys inserted here. SQLite keeps track by itself, and so
    /// does SQL Server (a value inserted under IDENTITY_INSERT above the identity's current value becomes its current value).
    /// </summary>
    public async Task ResetSequencesAsync(params IEntityType[] entityTypes)
    {
        if (DatabaseSetup.ProviderOf(db) != DatabaseProvider.Postgres) return;
        foreach (var table in entityTypes.Select(t => t.GetTableName()).Distinct())
        {
            // The table names come from the model, not from input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))";
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Get);

    private static List<Column> Columns<T>(IEntityType entityType, Func<T, string, object?>? shadow)
        where T : class
    {
        var columns = new List<Column>();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        foreach (var p in entityType.GetProperties())
        {
            Func<object, object?> get;
            if (p.IsShadowProperty())
            {
                if (shadow is null) throw new InvalidOperationException($"{entityType.DisplayName()}.{p.Name} is a shadow property: give its value.");
                var name = p.Name;
                get = e => shadow((T)e, name);
            }
            else
            {
                var getter = p.GetGetter();
                get = getter.GetClrValue;
            }

            columns.Add(new Column(p.GetColumnName(table) ?? p.GetColumnName(), (RelationalTypeMapping)p.GetTypeMapping(), p.IsNullable, get));
        }

        // Owned types stored in the same table (Government's Mayor, Liaison and Billing contacts).
        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection
                     && n.TargetEntityType.GetTableName() == entityType.GetTableName()))
        {
            var owner = navigation.GetGetter();
            foreach (var p in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = p.GetGetter();
                columns.Add(new Column(p.GetColumnName(table) ?? p.GetColumnName(), (RelationalTypeMapping)p.GetTypeMapping(), p.IsNullable,
                    e => owner.GetClrValue(e) is { } owned ? getter.GetClrValue(owned) : null));
            }
        }

        return columns;
    }
}
