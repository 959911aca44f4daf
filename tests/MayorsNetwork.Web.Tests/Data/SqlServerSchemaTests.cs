using System.Diagnostics;
using System.Text.RegularExpressions;
using MayorsNetwork.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MayorsNetwork.Web.Tests.Data;

/// <summary>
/// What can be proven about SQL Server without a SQL Server (none installs on this repository's CI machines): its
/// migrations cover the model, `dotnet ef migrations script --idempotent` generates a script that creates every unique
/// index the other providers have, the schema has no cascade SQL Server refuses, and paged queries are written as SQL
/// Server requires. The <c>_SqlServer</c> test classes run the rest where MAYORSNETWORK_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerSchemaTests
{
    private static readonly SqlServerDatabases SqlServer = new();

    [Fact]
    public async Task The_SqlServer_migrations_cover_every_change_to_the_model()
    {
        await using var db = SqlServer.UnconnectedContext();

        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that the SQL Server migrations do not cover. Add a migration for SQL Server (and the other providers): {SqlServer.AddMigrationCommand()}");
    }

    [Fact]
    public async Task The_idempotent_script_creates_every_unique_index_that_SQLite_and_PostgreSQL_have()
    {
        var script = await IdempotentScriptAsync();

        // Idempotent: each migration's statements are guarded by its row in the history table.
        Assert.Matches(@"IF NOT EXISTS \(\s*SELECT \* FROM \[__EFMigrationsHistory\]\s*WHERE \[MigrationId\] = N'\d+_Initial'", script);
        Assert.Contains("CREATE TABLE [Governments]", script);
        var expected = new List<(string Table, string Index, bool Filtered)>();
        foreach (var other in new EmptyDatabases[] { new SqliteDatabases(), new PostgresDatabases() })
        {
            await using var db = other.UnconnectedContext();
            expected.AddRange(UniqueIndexes(db.Model));
        }

        Assert.NotEmpty(expected);
        var missing = expected.Distinct()
            .Where(i => !Regex.IsMatch(script, $@"CREATE UNIQUE INDEX \[{Regex.Escape(i.Index)}\] ON \[{Regex.Escape(i.Table)}\] \([^)]*\){(i.Filtered ? " WHERE " : "")}"))
            .Select(i => $"{i.Table}.{i.Index}{(i.Filtered ? " (filtered)" : "")}")
            .ToList();
        Assert.True(missing.Count == 0, $"The SQL Server script does not create these unique indexes: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task No_table_is_reached_by_two_cascading_paths_nor_by_a_cycle_which_SQL_Server_refuses()
    {
        await using var db = SqlServer.UnconnectedContext();
        // SQL Server refuses a foreign key whose ON DELETE CASCADE / SET NULL would reach a table along a second path, or go round a cycle.
        var cascades = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            // An owned type stored in its owner's table (table splitting) has no constraint of its own.
            .Where(fk => !(fk.IsOwnership && fk.PrincipalEntityType.GetTableName() == fk.DeclaringEntityType.GetTableName()))
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!, Name: fk.GetConstraintName()!))
            .Distinct()
            .ToList();

        var problems = new List<string>();
        foreach (var root in cascades.Select(c => c.From).Distinct())
        {
            var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            void Walk(string table, string path, HashSet<string> seen)
            {
                foreach (var c in cascades.Where(c => c.From == table))
                {
                    var next = $"{path} -> {c.To} ({c.Name})";
                    if (!seen.Add(c.To)) { problems.Add($"cycle: {next}"); continue; }
                    if (!paths.TryGetValue(c.To, out var list)) paths[c.To] = list = [];
                    list.Add(next);
                    Walk(c.To, next, seen);
                    seen.Remove(c.To);
                }
            }

            Walk(root, root, new HashSet<string>(StringComparer.Ordinal) { root });
            problems.AddRange(paths.Where(p => p.Value.Count > 1).Select(p => $"{p.Key} by {string.Join(" and by ", p.Value)}"));
        }

        Assert.True(problems.Count == 0, "Cascading deletes SQL Server would refuse: " + string.Join("; ", problems.Distinct()));
    }

    [Fact]
    public async Task The_member_directory_pages_with_an_ORDER_BY_before_OFFSET_and_FETCH()
    {
        await using var db = SqlServer.UnconnectedContext();

        var sql = MemberDirectory.Ordered(MemberDirectory.Members(db).Where(m => m.Government.State == "CA"))
            .Select(m => m.Government.Name).Skip(100).Take(MemberDirectory.PageSize).ToQueryString();

        Assert.Matches(new Regex(@"ORDER BY \[g\]\.\[NameKey\], \[g\]\.\[State\]\s+OFFSET @\w+ ROWS FETCH NEXT @\w+ ROWS ONLY", RegexOptions.IgnoreCase), sql);
    }

    private static IEnumerable<(string Table, string Index, bool Filtered)> UniqueIndexes(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => (Table: e.GetTableName()!, Index: i.GetDatabaseName()!, Filtered: i.GetFilter() is not null)));

    /// <summary>Runs the documented command against the built migrations project (the test run builds it in the same configuration).</summary>
    private static async Task<string> IdempotentScriptAsync()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), $"mn-sqlserver-{Guid.NewGuid():N}.sql");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        try
        {
            await RunAsync(root, "tool", "restore");
            await RunAsync(root, "ef", "migrations", "script", "--idempotent", "--no-build", "--configuration", configuration,
                "--project", SqlServer.MigrationsProject, "--output", output);
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MayorsNetwork.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with MayorsNetwork.sln) was not found above " + AppContext.BaseDirectory);
    }
}
