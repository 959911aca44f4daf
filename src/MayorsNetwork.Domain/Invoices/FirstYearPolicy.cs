namespace MayorsNetwork.Domain.Invoices;

/// <summary>How the first invoice of a newly approved member is worked out (setting <c>Invoices:FirstYear</c>).</summary>
public enum FirstYearPolicy
{
    /// <summary>
    /// The default: approved in the last <see cref="FirstYearTerms.RolloverMonths"/> months of the fiscal year, the
    /// member is invoiced for the next fiscal year and its membership runs from approval to the end of that year;
    /// approved earlier, it is invoiced for this year.
    /// </summary>
    Rollover = 1,

    /// <summary>The first invoice charges the whole months left in this fiscal year.</summary>
    Prorated = 2,

    /// <summary>The first invoice charges this fiscal year in full, whenever the approval falls (the portal's first behaviour).</summary>
    Full = 3,
}
