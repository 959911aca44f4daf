using System.Globalization;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// Portals whose clock starts on a given day of the year (the next one after today, at 15:00 UTC), for rules that
/// depend on where in the fiscal year "today" falls. The clock is moved before the portal starts, so the dues schedule
/// seeded at start-up is that day's fiscal year's, and everything (sign-in, outbox) runs on the moved clock.
/// </summary>
public static class DatedPortals
{
    /// <summary>The next <paramref name="month"/>/<paramref name="day"/> after today.</summary>
    public static DateOnly Next(int month, int day)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = new DateOnly(today.Year, month, day);
        return date > today ? date : date.AddYears(1);
    }

    public static void StartOn(ManualClock clock, DateOnly date) =>
        clock.Advance(new DateTimeOffset(date.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero) - clock.GetUtcNow());

    /// <summary>A valid application whose mayor's term ends two years after the portal's today (the form checks it against the clock).</summary>
    public static Dictionary<string, string?> Application(PortalFixture portal, int population = 108_250)
    {
        var form = Applications.Valid(population: population);
        form["Input.MayorTermEnds"] = portal.Clock.Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return form;
    }
}
