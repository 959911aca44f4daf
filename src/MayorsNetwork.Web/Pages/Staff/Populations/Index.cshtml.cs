using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Staff.Populations;

/// <summary>
/// Next year's population figures (issue 14): the preview of every member's dues this year and next with the figures
/// recorded (totals by bracket, a chart of the changes, the members a page at a time, those changing most first), and
/// a form to record one city's figure. A CSV of many is uploaded on <see cref="UploadModel"/>.
/// </summary>
public sealed class IndexModel(CensusFigures figures, UserManager<PortalUser> users, IValidator<IndexModel.InputModel> validator) : PortalPageModel
{
    public const int PageSize = 100;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PreviewView? Preview { get; private set; }

    public int NextFiscalYear => figures.NextFiscalYear;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? number, CancellationToken cancellationToken)
    {
        Input.CensusYear = figures.LatestCensusYear.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(number ?? 1, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var population = PopulationCsv.ParsePopulation(Input.Population!)!.Value;
            var by = (await users.GetUserAsync(User))?.FullName ?? "Staff";
            var outcome = await figures.RecordOneAsync(Input.Name!, Input.State!, population, int.Parse(Input.CensusYear!, CultureInfo.InvariantCulture), by, cancellationToken);
            if (outcome.Succeeded)
            {
                StatusMessage = string.Create(CultureInfo.InvariantCulture, $"{Input.Name!.Trim()}, {Input.State!.Trim().ToUpperInvariant()}: a population of {population:N0} is recorded for FY {figures.NextFiscalYear}.");
                return RedirectToPage("./Index");
            }

            outcome.Errors.AddTo(ModelState);
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int number, CancellationToken cancellationToken)
    {
        if (await figures.PreviewAsync(null, cancellationToken) is { } preview) Preview = PreviewView.Of(preview, number, PageSize, onlyNew: false);
    }

    /// <summary>What the preview partial shows: the totals, the chart and one page of members.</summary>
    public sealed record PreviewView(CensusPreview Preview, IReadOnlyList<CensusPreviewRow> Rows, int Page, int Pages, int RowCount, string Chart, bool OnlyNew)
    {
        public static PreviewView Of(CensusPreview preview, int page, int pageSize, bool onlyNew)
        {
            var count = onlyNew ? preview.Rows.Count(r => r.NewFigure) : preview.Rows.Count;
            var pages = Math.Max(1, (count + pageSize - 1) / pageSize);
            var current = Math.Clamp(page, 1, pages);
            return new PreviewView(preview, preview.InReadingOrder((current - 1) * pageSize, pageSize, onlyNew), current, pages, count, ChangeChart.Render(preview.Totals), onlyNew);
        }
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? State { get; set; }

        public string? Population { get; set; }

        public string? CensusYear { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the city's name as on its membership.").MaximumLength(FieldLimits.Name);
            RuleFor(x => x.State).Must(s => s is not null && s.Trim().Length == 2 && s.Trim().All(char.IsAsciiLetter)).WithMessage("Enter the state's two-letter code, such as CA.");
            RuleFor(x => x.Population).Must(p => p is not null && PopulationCsv.ParsePopulation(p) is >= 1 and <= DuesSchedule.MaxPopulation)
                .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Enter the population as a whole number from 1 to {DuesSchedule.MaxPopulation:N0} (1234567 or 1,234,567)."));
            RuleFor(x => x.CensusYear).Must(y => y is not null && y.Trim().Length == 4 && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= PopulationCsv.EarliestCensusYear)
                .WithMessage("Enter the census year, such as 2020.");
        }
    }
}
