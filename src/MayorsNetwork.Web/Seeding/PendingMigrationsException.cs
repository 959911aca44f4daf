namespace MayorsNetwork.Web.Seeding;

/// <summary>The server database is behind the code; migrations there are applied by an explicit command.</summary>
public sealed class PendingMigrationsException() : InvalidOperationException(
    "The database has migrations that are not applied yet. Apply them with: dotnet run --project src/MayorsNetwork.Web -- migrate " +
    "(or, from a published build: dotnet MayorsNetwork.Web.dll migrate).");
