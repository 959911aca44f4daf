namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// A member's dues this fiscal year and next (issue 14: the preview of new population figures, "Your dues next
/// year", the budget notice). Both are the full annual dues (a renewal has no new-member discount). Next year uses
/// next year's population and next year's schedule, or the schedule in force when next year has none yet.
/// </summary>
public sealed record DuesComparison(int ThisFiscalYear, DuesQuote ThisYear, DuesQuote NextYear, bool NextScheduleMissing)
{
    public int NextFiscalYear => ThisFiscalYear + 1;

    public decimal Difference => NextYear.FullAmount - ThisYear.FullAmount;

    /// <summary>The change as a percentage of this year's dues, to one decimal (null when this year's are zero).</summary>
    public decimal? PercentChange => ThisYear.FullAmount == 0 ? null : Math.Round(Difference * 100m / ThisYear.FullAmount, 1, MidpointRounding.AwayFromZero);

    public bool BracketChanged => ThisYear.Bracket != NextYear.Bracket;

    /// <param name="thisFiscalYear">The fiscal year <paramref name="thisYear"/> is in force for.</param>
    /// <param name="nextYear">Next fiscal year's own schedule, or null; a schedule of this year or earlier counts as none.</param>
    public static DuesComparison For(int thisFiscalYear, int populationNow, int populationNext, DuesSchedule thisYear, DuesSchedule? nextYear)
    {
        if (thisYear.FiscalYear > thisFiscalYear)
            throw new ArgumentException($"The schedule of FY {thisYear.FiscalYear} is not in force in FY {thisFiscalYear}.", nameof(thisYear));
        if (nextYear is not null && nextYear.FiscalYear > thisFiscalYear + 1)
            throw new ArgumentException($"The schedule of FY {nextYear.FiscalYear} is not next year's.", nameof(nextYear));
        var nextOwn = nextYear is not null && nextYear.FiscalYear == thisFiscalYear + 1 ? nextYear : null;
        return new DuesComparison(thisFiscalYear,
            thisYear.Quote(populationNow, newMember: false),
            (nextOwn ?? thisYear).Quote(populationNext, newMember: false),
            nextOwn is null);
    }

    /// <summary>The comparison in a sentence or two, for the account page and the budget notice.</summary>
    public string Explain()
    {
        var next = Money.Format(NextYear.FullAmount);
        var now = Money.Format(ThisYear.FullAmount);
        var text = Difference switch
        {
            0 => Inv($"FY {NextFiscalYear} dues: {next}, the same as FY {ThisFiscalYear}."),
            > 0 => Inv($"FY {NextFiscalYear} dues: {next}, {Money.Format(Difference)} more than FY {ThisFiscalYear} ({now})."),
            _ => Inv($"FY {NextFiscalYear} dues: {next}, {Money.Format(-Difference)} less than FY {ThisFiscalYear} ({now})."),
        };
        if (BracketChanged)
            text += Inv($" With a population of {NextYear.Population:N0} the bracket changes from {ThisYear.Bracket} to {NextYear.Bracket}.");
        if (NextScheduleMissing)
            text += Inv($" FY {NextFiscalYear}'s dues schedule is not set yet: this estimate uses the schedule in force and may change.");
        return text;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
