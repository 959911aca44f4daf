using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default), Postgres or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: "Data Source=data/mayorsnetwork.db" (relative to the content root; the folder is created). PostgreSQL: an Npgsql connection string. SQL Server: a Microsoft.Data.SqlClient connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/mayorsnetwork.db";

    /// <summary>Apply migrations at start-up. Default: on for SQLite, off for the servers (run the migrate command).</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
