namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>Dates typed or picked in the seat forms: 2026-06-30 (a date picker's value) or 6/30/2026.</summary>
public static class SeatDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy"];

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;
}
