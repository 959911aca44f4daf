using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Dues;

/// <summary>
/// The public dues calculator: amount, bracket, formula and a chart, for the fiscal year a city applying today would
/// first be invoiced for (next year's, late in the year under Rollover, when that schedule is set), and why.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.DuesPolicy)]
public sealed class IndexModel(DuesCalculator calculator) : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "population")]
    public string? Population { get; set; }

    public DuesSchedule? Schedule { get; private set; }

    public DuesQuote? Quote { get; private set; }

    public DuesQuote? FirstYearQuote { get; private set; }

    /// <summary>The year shown and why; null when no schedule is set.</summary>
    public JoiningDuesPreview? Preview { get; private set; }

    public string? Error { get; private set; }

    public string Chart { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        int? population = null;
        if (Population is not null)
        {
            if (PopulationInput.TryParse(Population, out var p, out var error)) population = p;
            else Error = error;
        }

        // Which year's schedule applies does not depend on the population; without one, any population finds it.
        if (await calculator.JoiningAsync(population ?? 1, cancellationToken) is not { } joining) return;
        Schedule = joining.Schedule;
        if (population is { } pop)
        {
            Preview = joining.Preview;
            Quote = Schedule.Quote(pop, newMember: false);
            FirstYearQuote = joining.Preview.Quote;
        }
        else if (joining.Preview.RollsOver)
        {
            Preview = joining.Preview;
        }

        Chart = DuesChart.Render(Schedule, population);
    }

    /// <summary>JSON for the live preview on the application form; the same figures as the page.</summary>
    public async Task<IActionResult> OnGetQuoteAsync(CancellationToken cancellationToken)
    {
        if (!PopulationInput.TryParse(Population, out var population, out var error))
            return new JsonResult(new { error });
        if (await calculator.JoiningAsync(population, cancellationToken) is not { } joining)
            return new JsonResult(new { error = "No dues schedule has been set yet." });
        var quote = joining.Preview.Quote;
        return new JsonResult(new
        {
            fiscalYear = joining.Preview.ShownYear.Year,
            rollsOver = joining.Preview.RollsOver,
            explanation = joining.Preview.Explanation,
            amount = Money.Format(quote.Amount),
            fullAmount = Money.Format(quote.FullAmount),
            discount = Money.Format(quote.Discount),
            hasDiscount = quote.Discount > 0,
            bracket = quote.Bracket,
            formula = quote.Formula,
        });
    }
}
