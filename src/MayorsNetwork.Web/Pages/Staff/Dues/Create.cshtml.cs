using System.Globalization;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Pages.Staff.Dues;

/// <summary>A new schedule for a fiscal year that has none yet, starting from the one in force.</summary>
public sealed class CreateModel(PortalDbContext db, DuesCalculator calculator, UserManager<PortalUser> users, TimeProvider clock) : PortalPageModel
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
        var schedule = Parse();
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

    private DuesSchedule? Parse()
    {
        var inv = CultureInfo.InvariantCulture;
        if (!int.TryParse(Input.FiscalYear, NumberStyles.None, inv, out var year) || year < 2000 || year > 2200)
            ModelState.AddModelError("Input.FiscalYear", "Enter the fiscal year, like 2027.");
        if (string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Length > FieldLimits.Name)
            ModelState.AddModelError("Input.Name", $"Give the schedule a name of up to {FieldLimits.Name} characters.");
        if (!Enum.TryParse<DuesScheduleKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
            ModelState.AddModelError("Input.Kind", "Choose the kind of schedule.");
        var discount = Money(Input.Discount, "Input.Discount", "the new-member discount", optional: true) ?? 0;

        var schedule = new DuesSchedule { FiscalYear = year, Name = Input.Name?.Trim() ?? "", Kind = kind, NewMemberDiscountPercent = discount };
        if (kind == DuesScheduleKind.PerCapita)
        {
            schedule.PerCapitaRate = Money(Input.PerCapitaRate, "Input.PerCapitaRate", "the rate per resident", optional: false, places: 4) ?? 0;
            schedule.MinimumAmount = Money(Input.MinimumAmount, "Input.MinimumAmount", "the minimum", optional: false) ?? 0;
            schedule.MaximumAmount = Money(Input.MaximumAmount, "Input.MaximumAmount", "the maximum", optional: true);
        }
        else
        {
            var rows = Input.Brackets.Select((b, i) => (b, i)).Where(x => !string.IsNullOrWhiteSpace(x.b.From) || !string.IsNullOrWhiteSpace(x.b.Base)).ToList();
            var parsed = new List<DuesBracket>();
            var rowStarting = new Dictionary<int, int>();
            foreach (var (b, i) in rows)
            {
                if (!int.TryParse(b.From?.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, inv, out var from) || from > DuesSchedule.MaxPopulation)
                {
                    ModelState.AddModelError($"Input.Brackets[{i}].From", $"Row {i + 1}: enter the population the bracket starts at, a whole number.");
                    continue;
                }

                var amount = Money(b.Base, $"Input.Brackets[{i}].Base", $"row {i + 1}'s base amount", optional: false) ?? 0;
                var rate = kind == DuesScheduleKind.BasePlusPerCapita ? Money(b.Rate, $"Input.Brackets[{i}].Rate", $"row {i + 1}'s rate", optional: true, places: 4) ?? 0 : 0;
                // Two rows starting at the same population would make an empty bracket ("0 to -1").
                if (rowStarting.TryGetValue(from, out var earlier))
                {
                    ModelState.AddModelError($"Input.Brackets[{i}].From", string.Create(inv, $"Rows {earlier + 1} and {i + 1} both start at a population of {from:N0}; each bracket starts where the one before it ends."));
                    continue;
                }

                rowStarting[from] = i;
                parsed.Add(new DuesBracket { MinPopulation = from, BaseAmount = amount, PerCapitaRate = rate });
            }

            // Each bracket runs up to where the next one starts; the last is open ("and over").
            parsed = parsed.OrderBy(b => b.MinPopulation).ToList();
            for (var i = 0; i < parsed.Count - 1; i++) parsed[i].MaxPopulation = parsed[i + 1].MinPopulation;
            schedule.Brackets = parsed;
        }

        return ModelState.IsValid ? schedule : null;
    }

    private decimal? Money(string? text, string key, string what, bool optional, int places = 2)
    {
        var t = text?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t))
        {
            if (!optional) ModelState.AddModelError(key, $"Enter {what}.");
            return null;
        }

        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) && signed < 0)
        {
            ModelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be negative.");
            return null;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, places) != value || value > 10_000_000)
        {
            ModelState.AddModelError(key, $"Enter {what} as a number with at most {places} decimal places, like {(places == 2 ? "1750.00" : "0.0494")}.");
            return null;
        }

        return value;
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
    }

    public sealed class BracketInput
    {
        public string? From { get; set; }

        public string? Base { get; set; }

        public string? Rate { get; set; }
    }
}
