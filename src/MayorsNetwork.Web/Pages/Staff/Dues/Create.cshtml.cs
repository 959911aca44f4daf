using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Staff.Dues;

/// <summary>A new schedule for a fiscal year that has none yet, starting from the one in force.</summary>
public sealed class CreateModel(
    PortalDbContext db, DuesCalculator calculator, UserManager<PortalUser> users, TimeProvider clock, IValidator<CreateModel.InputModel> validator)
    : PortalPageModel
{
    public const int BracketRows = 12;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await db.DuesSchedules.AsNoTracking().OrderByDescending(s => s.FiscalYear).FirstOrDefaultAsync(cancellationToken)
                     ?? DefaultDuesSchedules.IcleiUsaTiers(calculator.CurrentFiscalYear.Year);
        Input = new InputModel
        {
            FiscalYear = Math.Max(latest.FiscalYear + 1, calculator.CurrentFiscalYear.Year).ToString(CultureInfo.InvariantCulture),
            Name = latest.Name,
            Kind = latest.Kind.ToString(),
            Discount = latest.NewMemberDiscountPercent.ToString("0.##", CultureInfo.InvariantCulture),
            PerCapitaRate = latest.PerCapitaRate == 0 ? null : latest.PerCapitaRate.ToString("0.####", CultureInfo.InvariantCulture),
            MinimumAmount = latest.MinimumAmount == 0 ? null : latest.MinimumAmount.ToString("0.00", CultureInfo.InvariantCulture),
            MaximumAmount = latest.MaximumAmount?.ToString("0.00", CultureInfo.InvariantCulture),
            Brackets = latest.Brackets.OrderBy(b => b.MinPopulation).Select(b => new BracketInput
            {
                From = b.MinPopulation.ToString(CultureInfo.InvariantCulture),
                Base = b.BaseAmount.ToString("0.00", CultureInfo.InvariantCulture),
                Rate = b.PerCapitaRate == 0 ? null : b.PerCapitaRate.ToString("0.####", CultureInfo.InvariantCulture),
            }).ToList(),
        };
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        var schedule = ModelState.IsValid ? Input.ToSchedule() : null;
        if (schedule is not null)
        {
            if (schedule.FiscalYear < calculator.CurrentFiscalYear.Year)
                ModelState.AddModelError("Input.FiscalYear", $"Schedules are for the current fiscal year ({calculator.CurrentFiscalYear.Year}) or later; past years stay as they were.");
            else if (await db.DuesSchedules.AnyAsync(s => s.FiscalYear == schedule.FiscalYear, cancellationToken))
                ModelState.AddModelError("Input.FiscalYear", $"Fiscal year {schedule.FiscalYear} already has a schedule; it stays as it is. Choose a later year.");
            foreach (var error in schedule.Validate()) ModelState.AddModelError("", error);
        }

        if (!ModelState.IsValid || schedule is null)
        {
            Pad();
            return Page();
        }

        var staff = await users.GetUserAsync(User);
        schedule.CreatedBy = staff?.FullName;
        schedule.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.DuesSchedules.Add(schedule);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another staff member saved this year's schedule a moment ago (unique index on the year).
            ModelState.AddModelError("Input.FiscalYear", $"Fiscal year {schedule.FiscalYear} already has a schedule; it stays as it is.");
            Pad();
            return Page();
        }

        StatusMessage = $"The schedule for fiscal year {schedule.FiscalYear} is saved.";
        return RedirectToPage("/Staff/Dues/Index");
    }

    private void Pad()
    {
        while (Input.Brackets.Count < BracketRows) Input.Brackets.Add(new BracketInput());
    }

    public sealed class InputModel
    {
        public string? FiscalYear { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Discount { get; set; }

        public string? PerCapitaRate { get; set; }

        public string? MinimumAmount { get; set; }

        public string? MaximumAmount { get; set; }

        public List<BracketInput> Brackets { get; set; } = [];

        /// <summary>The rows staff filled in (a row with neither a start nor a base amount is left out), with their place in the form.</summary>
        public IEnumerable<(BracketInput Row, int Index)> FilledRows() =>
            Brackets.Select((b, i) => (b, i)).Where(x => !string.IsNullOrWhiteSpace(x.b.From) || !string.IsNullOrWhiteSpace(x.b.Base));

        /// <summary>The form as a schedule; only for input that <see cref="Validator"/> accepted.</summary>
        public DuesSchedule ToSchedule()
        {
            var kind = ParseKind(Kind)!.Value;
            var schedule = new DuesSchedule
            {
                FiscalYear = ParseYear(FiscalYear)!.Value,
                Name = Name!.Trim(),
                Kind = kind,
                NewMemberDiscountPercent = ParseMoney(Discount, 2) ?? 0,
            };
            if (kind == DuesScheduleKind.PerCapita)
            {
                schedule.PerCapitaRate = ParseMoney(PerCapitaRate, 4)!.Value;
                schedule.MinimumAmount = ParseMoney(MinimumAmount, 2)!.Value;
                schedule.MaximumAmount = ParseMoney(MaximumAmount, 2);
                return schedule;
            }

            // Each bracket runs up to where the next one starts; the last is open ("and over").
            var parsed = FilledRows().Select(x => new DuesBracket
            {
                MinPopulation = ParseFrom(x.Row.From)!.Value,
                BaseAmount = ParseMoney(x.Row.Base, 2)!.Value,
                PerCapitaRate = kind == DuesScheduleKind.BasePlusPerCapita ? ParseMoney(x.Row.Rate, 4) ?? 0 : 0,
            }).OrderBy(b => b.MinPopulation).ToList();
            for (var i = 0; i < parsed.Count - 1; i++) parsed[i].MaxPopulation = parsed[i + 1].MinPopulation;
            schedule.Brackets = parsed;
            return schedule;
        }
    }

    public sealed class BracketInput
    {
        public string? From { get; set; }

        public string? Base { get; set; }

        public string? Rate { get; set; }
    }

    /// <summary>
    /// The form's checks, in its order: year, name, kind, discount, then the per-capita fields or the brackets row by
    /// row. Whether the year is open and the schedule holds together are the page's and the schedule's.
    /// </summary>
    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.FiscalYear).Must(y => ParseYear(y) is not null).WithMessage("Enter the fiscal year, like 2027.");
            RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= FieldLimits.Name)
                .WithMessage($"Give the schedule a name of up to {FieldLimits.Name} characters.");
            RuleFor(x => x.Kind).Must(k => ParseKind(k) is not null).WithMessage("Choose the kind of schedule.");
            RuleFor(x => x.Discount).Custom((v, c) => Money(c, v, "the new-member discount", optional: true));
            When(x => ParseKind(x.Kind) == DuesScheduleKind.PerCapita, () =>
            {
                RuleFor(x => x.PerCapitaRate).Custom((v, c) => Money(c, v, "the rate per resident", optional: false, places: 4));
                RuleFor(x => x.MinimumAmount).Custom((v, c) => Money(c, v, "the minimum", optional: false));
                RuleFor(x => x.MaximumAmount).Custom((v, c) => Money(c, v, "the maximum", optional: true));
            }).Otherwise(() => RuleFor(x => x.Brackets).Custom((_, context) => Brackets(context.InstanceToValidate, context)));
        }

        private static void Brackets(InputModel input, ValidationContext<InputModel> context)
        {
            var inv = CultureInfo.InvariantCulture;
            var withRate = ParseKind(input.Kind) == DuesScheduleKind.BasePlusPerCapita;
            var rowStarting = new Dictionary<int, int>();
            foreach (var (b, i) in input.FilledRows())
            {
                var fromKey = $"{nameof(InputModel.Brackets)}[{i}].{nameof(BracketInput.From)}";
                if (ParseFrom(b.From) is not { } from)
                {
                    context.AddFailure(fromKey, $"Row {i + 1}: enter the population the bracket starts at, a whole number.");
                    continue;
                }

                Money(context, b.Base, $"row {i + 1}'s base amount", optional: false, key: $"{nameof(InputModel.Brackets)}[{i}].{nameof(BracketInput.Base)}");
                if (withRate) Money(context, b.Rate, $"row {i + 1}'s rate", optional: true, places: 4, key: $"{nameof(InputModel.Brackets)}[{i}].{nameof(BracketInput.Rate)}");
                // Two rows starting at the same population would make an empty bracket ("0 to -1").
                if (rowStarting.TryGetValue(from, out var earlier))
                {
                    context.AddFailure(fromKey, string.Create(inv, $"Rows {earlier + 1} and {i + 1} both start at a population of {from:N0}; each bracket starts where the one before it ends."));
                    continue;
                }

                rowStarting[from] = i;
            }
        }

        /// <summary>An amount as typed ("$1,750.00"): required or not, not negative, at most <paramref name="places"/> decimal places.</summary>
        private static void Money(ValidationContext<InputModel> context, string? text, string what, bool optional, int places = 2, string? key = null)
        {
            var t = MoneyText(text);
            string? problem = null;
            if (string.IsNullOrEmpty(t))
                problem = optional ? null : $"Enter {what}.";
            else if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) && signed < 0)
                problem = $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be negative.";
            else if (ParseMoney(text, places) is null)
                problem = $"Enter {what} as a number with at most {places} decimal places, like {(places == 2 ? "1750.00" : "0.0494")}.";
            if (problem is null) return;
            if (key is null) context.AddFailure(problem);
            else context.AddFailure(key, problem);
        }
    }

    private static int? ParseYear(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2200 ? year : null;

    private static DuesScheduleKind? ParseKind(string? text) =>
        Enum.TryParse<DuesScheduleKind>(text, out var kind) && Enum.IsDefined(kind) ? kind : null;

    private static int? ParseFrom(string? text) =>
        int.TryParse(text?.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var from) && from <= DuesSchedule.MaxPopulation
            ? from
            : null;

    private static string? MoneyText(string? text) => text?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal);

    /// <summary>An amount, or null when empty or not an amount with at most <paramref name="places"/> decimal places.</summary>
    private static decimal? ParseMoney(string? text, int places)
    {
        var t = MoneyText(text);
        return !string.IsNullOrEmpty(t) && decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
               && decimal.Round(value, places) == value && value <= 10_000_000
            ? value
            : null;
    }
}
