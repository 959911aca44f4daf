using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Dues;

/// <summary>The public dues calculator: amount, bracket, formula and a chart.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.DuesPolicy)]
public sealed class IndexModel(DuesCalculator calculator) : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "population")]
    public string? Population { get; set; }

    public DuesSchedule? Schedule { get; private set; }

    public DuesQuote? Quote { get; private set; }

    public DuesQuote? FirstYearQuote { get; private set; }

    public string? Error { get; private set; }

    public string Chart { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Schedule = await calculator.ScheduleForAsync(calculator.CurrentFiscalYear.Year, cancellationToken);
        int? population = null;
        if (Population is not null)
        {
            if (PopulationInput.TryParse(Population, out var p, out var error)) population = p;
            else Error = error;
        }

        if (Schedule is null) return;
        if (population is { } pop)
        {
            Quote = Schedule.Quote(pop, newMember: false);
            FirstYearQuote = Schedule.Quote(pop, newMember: true);
        }

        Chart = DuesChart.Render(Schedule, population);
    }

    /// <summary>JSON for the live preview on the application form; the same figures as the page.</summary>
    public async Task<IActionResult> OnGetQuoteAsync(CancellationToken cancellationToken)
    {
        if (!PopulationInput.TryParse(Population, out var population, out var error))
            return new JsonResult(new { error });
        var quote = await calculator.QuoteAsync(population, newMember: true, cancellationToken);
        if (quote is null) return new JsonResult(new { error = "No dues schedule has been set yet." });
        return new JsonResult(new
        {
            fiscalYear = quote.FiscalYear,
            amount = Money.Format(quote.Amount),
            fullAmount = Money.Format(quote.FullAmount),
            discount = Money.Format(quote.Discount),
            hasDiscount = quote.Discount > 0,
            bracket = quote.Bracket,
            formula = quote.Formula,
        });
    }
}
