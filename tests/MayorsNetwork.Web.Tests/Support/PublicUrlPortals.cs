namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// Portals whose <c>Membership:PublicUrl</c> is not the address the tests' client uses (https://localhost), so that
/// a link built from the request could not pass for one built from PublicUrl.
/// </summary>
public static class PublicUrlPortals
{
    public const string PublicUrl = "https://members.mayors.example";

    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("Membership:PublicUrl", PublicUrl)];
}

public class PublicUrlSqlitePortal : SqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

public class PublicUrlPostgresPortal : PostgresPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

/// <summary>The portal as it runs on a server (the Production environment), reached at PublicUrl's host.</summary>
public class ProductionSqlitePortal : PublicUrlSqlitePortal
{
    protected override string EnvironmentName => "Production";
}

public class ProductionPostgresPortal : PublicUrlPostgresPortal
{
    protected override string EnvironmentName => "Production";
}

public class PublicUrlSqlServerPortal : SqlServerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

public class ProductionSqlServerPortal : PublicUrlSqlServerPortal
{
    protected override string EnvironmentName => "Production";
}
