namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// The portal on SQLite with the form-post limit at 3 per minute, so a test can reach it. Each test class
/// that uses it gets its own instance, and so its own limiter.
/// </summary>
public class LowRateLimitSqlitePortal : SqlitePortal
{
    public const int PermitLimit = 3;

    public const int WindowSeconds = 60;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("RateLimits:WindowSeconds", WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
