namespace MayorsNetwork.Web.Tests.Pages.Staff.Dues;

/// <summary>
/// A clock stopped at one moment, for running the portal "in" another fiscal year
/// (Microsoft.Extensions.TimeProvider.Testing cannot be restored here).
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
