namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// A dues schedule for one fiscal year. A schedule applies from its fiscal year until a later one
/// replaces it; schedules of past years are never edited, so past invoices can always be explained.
/// </summary>
public sealed class DuesSchedule
{
    public const int MaxPopulation = 50_000_000;

    public int Id { get; set; }

    public int FiscalYear { get; set; }

    public required string Name { get; set; }

    public DuesScheduleKind Kind { get; set; }

    /// <summary>Per-capita schedules: the rate per resident.</summary>
    public decimal PerCapitaRate { get; set; }

    /// <summary>Per-capita schedules: the least a member pays.</summary>
    public decimal MinimumAmount { get; set; }

    /// <summary>Per-capita schedules: the most a member pays (null: no cap).</summary>
    public decimal? MaximumAmount { get; set; }

    /// <summary>Discount for a member's first year, as a percentage (25 means 25%).</summary>
    public decimal NewMemberDiscountPercent { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedBy { get; set; }

    public List<DuesBracket> Brackets { get; set; } = [];

    /// <summary>Checks that the schedule is usable: brackets start at 0, are contiguous and end open.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (NewMemberDiscountPercent is < 0 or > 100)
            errors.Add("The new-member discount must be between 0 and 100 percent.");
        if (Kind == DuesScheduleKind.PerCapita)
        {
            if (PerCapitaRate <= 0) errors.Add("The per-capita rate must be more than zero.");
            if (MinimumAmount <= 0) errors.Add("The minimum must be more than zero (there are no $0 invoices).");
            if (MaximumAmount is { } max && max < MinimumAmount) errors.Add("The maximum cannot be less than the minimum.");
            return errors;
        }

        var ordered = Brackets.OrderBy(b => b.MinPopulation).ToList();
        if (ordered.Count == 0)
        {
            errors.Add("A schedule needs at least one bracket.");
            return errors;
        }

        if (ordered[0].MinPopulation != 0) errors.Add("The first bracket must start at a population of 0.");
        for (var i = 0; i < ordered.Count; i++)
        {
            var b = ordered[i];
            if (b.BaseAmount < 0 || b.PerCapitaRate < 0) errors.Add($"Bracket {b.Describe()}: amounts cannot be negative.");
            if (Kind == DuesScheduleKind.BasePlusPerCapita && b.BaseAmount <= 0 && b.PerCapitaRate <= 0) errors.Add(Inv($"Bracket {b.Describe()}: the base amount or the rate must be more than zero."));
            if (Kind == DuesScheduleKind.FlatTiers && b.BaseAmount <= 0) errors.Add($"Bracket {b.Describe()}: the amount must be more than zero.");
            if (b.MaxPopulation is { } max && max <= b.MinPopulation) errors.Add(Inv($"Bracket starting at {b.MinPopulation:N0}: the upper bound must be above the lower."));
            var isLast = i == ordered.Count - 1;
            if (isLast && b.MaxPopulation is not null) errors.Add("The last bracket must have no upper bound (\"and over\").");
            if (!isLast && b.MaxPopulation != ordered[i + 1].MinPopulation)
                errors.Add(Inv($"Brackets must meet without gaps or overlaps: {b.Describe()} is followed by one starting at {ordered[i + 1].MinPopulation:N0}."));
        }

        return errors;
    }

    public DuesQuote Quote(int population, bool newMember)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        var (full, bracket, formula) = Kind switch
        {
            DuesScheduleKind.FlatTiers => FlatTier(population),
            DuesScheduleKind.BasePlusPerCapita => BasePlusPerCapita(population),
            DuesScheduleKind.PerCapita => PerCapita(population),
            _ => throw new InvalidOperationException($"Unknown schedule kind {Kind}."),
        };
        full = Money.ToCents(full);
        var discount = newMember && NewMemberDiscountPercent > 0
            ? Money.ToCents(full * NewMemberDiscountPercent / 100m)
            : 0m;
        return new DuesQuote(FiscalYear, population, full, discount, bracket, formula);
    }

    /// <summary>
    /// The full annual amount in cents, as <see cref="Quote"/> gives it, without the bracket and formula texts: the
    /// dues chart asks for 241 of these on every render.
    /// </summary>
    public decimal FullAmount(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return Money.ToCents(Kind switch
        {
            DuesScheduleKind.FlatTiers => BracketFor(population).BaseAmount,
            DuesScheduleKind.BasePlusPerCapita => BasePlusPerCapitaAmount(BracketFor(population), population),
            DuesScheduleKind.PerCapita => PerCapitaAmount(population),
            _ => throw new InvalidOperationException($"Unknown schedule kind {Kind}."),
        });
    }

    private static decimal BasePlusPerCapitaAmount(DuesBracket b, int population) => b.BaseAmount + (b.PerCapitaRate * population);

    private decimal PerCapitaAmount(int population)
    {
        var amount = Math.Max(PerCapitaRate * population, MinimumAmount);
        return MaximumAmount is { } max ? Math.Min(amount, max) : amount;
    }

    private DuesBracket BracketFor(int population) =>
        Brackets.FirstOrDefault(b => b.Contains(population))
        ?? throw new InvalidOperationException(Inv($"Schedule {FiscalYear} has no bracket for a population of {population:N0}."));

    private (decimal, string, string) FlatTier(int population)
    {
        var b = BracketFor(population);
        return (b.BaseAmount, b.Describe(), $"Flat amount for this bracket: {Money.Format(b.BaseAmount)}");
    }

    private (decimal, string, string) BasePlusPerCapita(int population)
    {
        var b = BracketFor(population);
        var amount = BasePlusPerCapitaAmount(b, population);
        var formula = b.PerCapitaRate == 0
            ? $"Flat amount for this bracket: {Money.Format(b.BaseAmount)}"
            : Inv($"{Money.Format(b.BaseAmount)} + {population:N0} × {Rate(b.PerCapitaRate)} = {Money.Format(Money.ToCents(amount))}");
        return (amount, b.Describe(), formula);
    }

    private (decimal, string, string) PerCapita(int population)
    {
        var raw = PerCapitaRate * population;
        var amount = PerCapitaAmount(population);
        var formula = Inv($"{population:N0} × {Rate(PerCapitaRate)} = {Money.Format(Money.ToCents(raw))}");
        if (amount > raw) formula += $", raised to the minimum of {Money.Format(amount)}";
        else if (amount < raw) formula += $", capped at the maximum of {Money.Format(amount)}";
        var bracket = MaximumAmount is { } cap
            ? $"Per capita, minimum {Money.Format(MinimumAmount)}, maximum {Money.Format(cap)}"
            : $"Per capita, minimum {Money.Format(MinimumAmount)}";
        return (amount, bracket, formula);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Rate(decimal rate) => "$" + rate.ToString("0.00##", CultureInfo.InvariantCulture) + " per resident";
}
