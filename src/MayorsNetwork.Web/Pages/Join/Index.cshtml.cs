using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Pages.Dues;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsNetwork.Web.Pages.Join;

/// <summary>The membership application: the government, its mayor, its contacts and the applicant's account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.AuthPolicy)]
public sealed class IndexModel(
    MembershipApplications applications,
    DuesCalculator calculator,
    IOptions<MembershipOptions> options,
    IValidator<IndexModel.InputModel> validator) : PortalPageModel
{
    public const string AppliedGovernmentKey = "Applied.Government";
    public const string AppliedEmailKey = "Applied.Email";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>What the next page (<see cref="SubmittedModel"/>) says was stored.</summary>
    [TempData(Key = AppliedGovernmentKey)]
    public string? AppliedGovernment { get; set; }

    [TempData(Key = AppliedEmailKey)]
    public string? AppliedEmail { get; set; }

    public DuesQuote? Quote { get; private set; }

    /// <summary>Which fiscal year <see cref="Quote"/> is for, and why (next year's when an approval now would roll over).</summary>
    public string? QuoteExplanation { get; private set; }

    public int QuoteYear { get; private set; }

    public string MembershipEmail => options.Value.MembershipEmail;

    public int MinimumPopulation => options.Value.MinimumPopulation;

    public IReadOnlyCollection<GovernmentKind> AcceptedKinds => options.Value.AcceptedKinds;

    public void OnGet(int? population)
    {
        Input.MayorTitle = "Mayor";
        Input.Kind = nameof(GovernmentKind.City);
        Input.CensusYear = "2020";
        if (population is > 0) Input.Population = population.Value.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>"Show my dues" without JavaScript: re-shows the form with the dues, saves nothing.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await validator.ValidateAsync(Input, o => o.IncludeProperties(x => x.Population), cancellationToken);
        result.AddTo(ModelState);
        if (result.IsValid && PopulationInput.TryParse(Input.Population, out var population, out _))
            await QuoteAsync(population, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (PopulationInput.TryParse(Input.Population, out var population, out _))
            await QuoteAsync(population, cancellationToken);
        if (!ModelState.IsValid) return Page();

        var kind = Enum.Parse<GovernmentKind>(Input.Kind!);
        var ineligible = options.Value.Eligibility.Check(kind, population);
        if (ineligible is not null)
        {
            ModelState.AddModelError(kind == GovernmentKind.Region || !AcceptedKinds.Contains(kind) ? "Input.Kind" : "Input.Population", ineligible);
            return Page();
        }

        var government = new Government
        {
            Name = Input.Name!.Trim(),
            NameKey = "",
            Kind = kind,
            State = Input.State!,
            Population = population,
            CensusYear = int.Parse(Input.CensusYear!, CultureInfo.InvariantCulture),
            MayorTitle = Input.MayorTitle!.Trim(),
            Mayor = new Contact { Name = Input.MayorName!.Trim(), Email = Input.MayorEmail!.Trim(), Phone = Input.MayorPhone!.Trim() },
            MayorTermEnds = DateOnly.ParseExact(Input.MayorTermEnds!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Liaison = new Contact { Name = Input.LiaisonName!.Trim(), Email = Input.LiaisonEmail!.Trim(), Phone = Input.LiaisonPhone!.Trim() },
            Billing = new Contact { Name = Input.BillingName!.Trim(), Email = Input.BillingEmail!.Trim(), Phone = Input.BillingPhone!.Trim() },
            BillingAddress = Input.BillingAddress!.Trim().ReplaceLineEndings("\n"),
        };
        var outcome = await applications.SubmitAsync(
            new NewApplication(government, Input.ApplicantName!.Trim(), Input.ApplicantEmail!.Trim(), Input.Password!),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            outcome.Errors.AddTo(ModelState);
            return Page();
        }

        AppliedGovernment = $"{government.Name}, {government.State}";
        AppliedEmail = Input.ApplicantEmail!.Trim();
        return RedirectToPage("/Join/Submitted");
    }

    private async Task QuoteAsync(int population, CancellationToken cancellationToken)
    {
        if (await calculator.JoiningAsync(population, cancellationToken) is not { } joining) return;
        Quote = joining.Preview.Quote;
        QuoteYear = joining.Preview.ShownYear.Year;
        QuoteExplanation = joining.Preview.Explanation;
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? State { get; set; }

        public string? Population { get; set; }

        public string? CensusYear { get; set; }

        public string? MayorName { get; set; }

        public string? MayorTitle { get; set; }

        public string? MayorEmail { get; set; }

        public string? MayorPhone { get; set; }

        public string? MayorTermEnds { get; set; }

        public string? LiaisonName { get; set; }

        public string? LiaisonEmail { get; set; }

        public string? LiaisonPhone { get; set; }

        public string? BillingName { get; set; }

        public string? BillingEmail { get; set; }

        public string? BillingPhone { get; set; }

        [DataType(DataType.MultilineText)]
        public string? BillingAddress { get; set; }

        public string? ApplicantName { get; set; }

        public string? ApplicantEmail { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        /// <remarks>One instance serves every request, so "today" is read from the clock at each check.</remarks>
        public Validator(TimeProvider clock)
        {
            DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            RuleFor(x => x.Name).PersonOrPlaceName("the government's name");
            RuleFor(x => x.Kind).Must(k => Enum.TryParse<GovernmentKind>(k, out var kind) && Enum.IsDefined(kind))
                .WithMessage("Choose what kind of government it is.");
            RuleFor(x => x.State).Must(UsStates.IsValid).WithMessage("Choose the state.");
            RuleFor(x => x.Population).Custom((value, context) =>
            {
                if (!PopulationInput.TryParse(value, out _, out var error)) context.AddFailure(error);
            });
            RuleFor(x => x.CensusYear).Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1790 && year <= Today().Year)
                .WithMessage(_ => $"Enter the year of the count, from 1790 to {Today().Year}.");
            RuleFor(x => x.MayorName).PersonOrPlaceName("the mayor's name");
            RuleFor(x => x.MayorTitle).PersonOrPlaceName("the mayor's title");
            RuleFor(x => x.MayorEmail).EmailAddress("the mayor's email address");
            RuleFor(x => x.MayorPhone).Phone("the mayor's phone number");
            RuleFor(x => x.MayorTermEnds)
                .Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage("Enter the date the mayor's term ends.")
                .Must(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) || IsWithinTenYears(end, Today()))
                .WithMessage("The term end must be a date from today to ten years ahead.");
            RuleFor(x => x.LiaisonName).PersonOrPlaceName("the staff liaison's name");
            RuleFor(x => x.LiaisonEmail).EmailAddress("the staff liaison's email address");
            RuleFor(x => x.LiaisonPhone).Phone("the staff liaison's phone number");
            RuleFor(x => x.BillingName).PersonOrPlaceName("the billing contact's name");
            RuleFor(x => x.BillingEmail).EmailAddress("the billing contact's email address");
            RuleFor(x => x.BillingPhone).Phone("the billing contact's phone number");
            RuleFor(x => x.BillingAddress)
                .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter the address invoices are mailed to.")
                .MaximumLength(FieldLimits.Address).WithMessage($"The billing address must be {FieldLimits.Address} characters or fewer.")
                .Must(a => a is null || a.ReplaceLineEndings("\n").Split('\n').Length <= 6).WithMessage("The billing address can have at most 6 lines.")
                .Printable("the billing address");
            RuleFor(x => x.ApplicantName).PersonOrPlaceName("your name");
            RuleFor(x => x.ApplicantEmail).EmailAddress("your email address");
            RuleFor(x => x.Password).NewPassword();
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("The two passwords do not match.");
        }

        private static bool IsWithinTenYears(DateOnly end, DateOnly today) => end >= today && end <= today.AddYears(10);
    }
}
