
namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// The city's budget calendar (issue 14): the month its fiscal year starts (July unless it says otherwise), next
/// year's dues estimate, and the day the estimate is emailed to its billing contact. For accounts linked to a city.
/// </summary>
public sealed class BudgetModel(PortalDbContext db, BudgetNotices notices, UserManager<PortalUser> users, IValidator<BudgetModel.InputModel> validator) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? City { get; private set; }

    public CityBudgetEstimate? Budget { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } budget) Input.StartMonth = budget.StartMonth.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var governmentId = await GovernmentIdAsync(cancellationToken);
        if (governmentId is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var by = (await users.GetUserAsync(User))?.FullName ?? "A member";
            var outcome = await notices.SetStartMonthAsync(governmentId.Value, int.Parse(Input.StartMonth!, CultureInfo.InvariantCulture), by, cancellationToken);
            if (outcome.Succeeded)
            {
                var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(int.Parse(Input.StartMonth!, CultureInfo.InvariantCulture));
                StatusMessage = $"Saved: your city's fiscal year starts in {month}.";
                return RedirectToPage("./Budget");
            }

            outcome.Errors.AddTo(ModelState);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task<int?> GovernmentIdAsync(CancellationToken cancellationToken) => db.GovernmentIdAsync(User, cancellationToken);

    private async Task<CityBudgetEstimate?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await GovernmentIdAsync(cancellationToken) is not { } governmentId) return null;
        City = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => g.Name + ", " + g.State).FirstOrDefaultAsync(cancellationToken);
        return Budget = await notices.EstimateAsync(governmentId, cancellationToken);
    }

    public sealed class InputModel
    {
        /// <summary>1 (January) to 12 (December).</summary>
        public string? StartMonth { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator() =>
            RuleFor(x => x.StartMonth).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
                .WithMessage("Choose the month your city's fiscal year starts, January to December.");
    }
}
