using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Next year's population figures (issue 14, item 8): staff record them one at a time or from a CSV (a dry run that
/// changes no figure, then a confirmation), and see every member's dues this year and next with them. A figure is
/// recorded for one of the association's fiscal years (<see cref="PopulationFigure"/>, history kept); the figure in
/// force for a year is the latest recorded for it or an earlier year, else the population the city gave
/// (<see cref="Government.Population"/>, which this service never changes). Errors are keyed by
/// <see cref="PopulationField"/>, <see cref="CensusYearField"/> and <see cref="CityField"/>.
/// </summary>
public sealed class CensusFigures(PortalDbContext db, DuesCalculator calculator, TimeProvider clock)
{
    public const string CityField = "Name";
    public const string PopulationField = "Population";
    public const string CensusYearField = "CensusYear";

    /// <summary>Statuses whose cities are billed for next year: the members of the preview and the budget notice.</summary>
    public static readonly MembershipStatus[] Billed = [MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active, MembershipStatus.Grace];

    /// <summary>The association's next fiscal year, the one figures are entered for.</summary>
    public int NextFiscalYear => calculator.CurrentFiscalYear.Year + 1;

    public int LatestCensusYear => calculator.Today.Year;

    /// <summary>One member's figure for next year, found by name and state as on the CSV, recorded at once with who entered it.</summary>
    public async Task<Outcome> RecordOneAsync(string name, string state, int population, int censusYear, string by, CancellationToken cancellationToken)
    {
        var key = Government.KeyFor(name);
        var st = state.Trim().ToUpperInvariant();
        var government = await db.Governments.AsNoTracking()
            .Where(g => g.NameKey == key && g.State == st && db.Memberships.Any(m => m.GovernmentId == g.Id && Billed.Contains(m.Status)))
            .Select(g => new { g.Id, g.Population })
            .FirstOrDefaultAsync(cancellationToken);
        if (government is null) return Outcome.Fail($"{name.Trim()}, {st} is not a member city (check the spelling and the state).", CityField);
        var governmentId = government.Id;
        if (population is < 1 or > DuesSchedule.MaxPopulation)
            return Outcome.Fail(string.Create(CultureInfo.InvariantCulture, $"Enter a population from 1 to {DuesSchedule.MaxPopulation:N0}."), PopulationField);
        if (censusYear < PopulationCsv.EarliestCensusYear || censusYear > LatestCensusYear)
            return Outcome.Fail($"Enter a census year from {PopulationCsv.EarliestCensusYear} to {LatestCensusYear}.", CensusYearField);

        var year = NextFiscalYear;
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => f.GovernmentId == governmentId && f.FiscalYear <= year).ToListAsync(cancellationToken);
        db.PopulationFigures.Add(new PopulationFigure
        {
            GovernmentId = governmentId, FiscalYear = year, Population = population, CensusYear = censusYear,
            PreviousPopulation = PopulationFigure.InForce(figures, year, government.Population),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = by,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>
    /// Checks a CSV and changes no figure. A file without errors is kept as a pending upload (in the database, so that
    /// any instance can confirm it) and previewed as if confirmed; a file with errors is not kept at all.
    /// </summary>
    /// <summary>How long a checked file waits to be confirmed before a later dry run drops it.</summary>
    public static readonly TimeSpan PendingUploadsKeptFor = TimeSpan.FromDays(7);

    /// <summary>The stored file name's length (the column's); a longer one is cut, never refused.</summary>
    public const int FileNameMaxLength = FieldLimits.Name * 2;

    public async Task<PopulationDryRun> DryRunAsync(string fileName, string text, string by, CancellationToken cancellationToken)
    {
        var (parsed, matched, errors) = await CheckAsync(text, cancellationToken);
        if (errors.Count > 0) return new PopulationDryRun(errors, parsed, null, null);

        // Dry runs nobody confirmed within a week are dropped, so that checked files do not pile up (each up to 8 MB).
        var stale = clock.GetUtcNow().UtcDateTime - PendingUploadsKeptFor;
        await db.PopulationUploads.Where(u => u.AppliedAtUtc == null && u.UploadedAtUtc < stale).ExecuteDeleteAsync(cancellationToken);
        var upload = new PopulationUpload
        {
            Id = Guid.NewGuid(), FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName, Content = text, FiscalYear = NextFiscalYear, Rows = matched.Count,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = by,
        };
        db.PopulationUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        var preview = await PreviewAsync(matched.ToDictionary(m => m.GovernmentId, m => m.Row.Population), cancellationToken);
        return new PopulationDryRun([], matched.Count, upload.Id, preview);
    }

    /// <summary>
    /// Records a pending upload's figures, checked again (a city may have left since the dry run); once only, even if
    /// confirmed twice at once. Returns how many figures were recorded, or the errors.
    /// </summary>
    public async Task<(int Recorded, IReadOnlyList<PopulationCsvError> Errors)> ConfirmAsync(Guid uploadId, string by, CancellationToken cancellationToken)
    {
        var upload = await db.PopulationUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uploadId, cancellationToken);
        if (upload is null) return (0, [new(0, null, "That upload is not on record. Upload the file again.")]);
        if (upload.AppliedAtUtc is not null)
            return (0, [new(0, null, $"{upload.FileName} was already confirmed by {upload.AppliedBy} on {upload.AppliedAtUtc:MMMM d, yyyy} at {upload.AppliedAtUtc:HH:mm} UTC; its figures are recorded.")]);
        if (upload.FiscalYear != NextFiscalYear)
            return (0, [new(0, null, $"{upload.FileName} was checked for FY {upload.FiscalYear}; figures are now entered for FY {NextFiscalYear}. Upload it again.")]);

        var (_, matched, errors) = await CheckAsync(upload.Content, cancellationToken);
        if (errors.Count > 0) return (0, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var year = upload.FiscalYear;
        var ids = matched.Select(m => m.GovernmentId).ToHashSet();
        var inForce = await InForceAsync(year, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.PopulationUploads.Where(u => u.Id == uploadId && u.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AppliedAtUtc, now).SetProperty(u => u.AppliedBy, by), cancellationToken);
        if (claimed == 0) return (0, [new(0, null, $"{upload.FileName} was confirmed a moment ago by someone else; its figures are recorded.")]);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (row, governmentId, given) in matched)
        {
            db.PopulationFigures.Add(new PopulationFigure
            {
                GovernmentId = governmentId, FiscalYear = year, Population = row.Population, CensusYear = row.CensusYear,
                PreviousPopulation = inForce.TryGetValue(governmentId, out var previous) ? previous : given,
                RecordedAtUtc = now, RecordedBy = by, UploadId = uploadId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return (ids.Count, []);
    }

    /// <summary>Every member's dues this year and next, with the figures recorded and <paramref name="pending"/> (government id to population) on top.</summary>
    public async Task<CensusPreview?> PreviewAsync(IReadOnlyDictionary<int, int>? pending, CancellationToken cancellationToken)
    {
        var thisYear = calculator.CurrentFiscalYear.Year;
        var nextYear = thisYear + 1;
        var thisSchedule = await calculator.ScheduleForAsync(thisYear, cancellationToken);
        if (thisSchedule is null) return null;
        var nextSchedule = await db.DuesSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.FiscalYear == nextYear, cancellationToken);

        var members = await MembersAsync(cancellationToken);
        // One read of the figures for both years (in force this year, next year, and who has one recorded for next year).
        var figures = await db.PopulationFigures.AsNoTracking()
            .Where(f => f.FiscalYear <= nextYear)
            .Select(f => new { f.GovernmentId, f.FiscalYear, f.RecordedAtUtc, f.Id, f.Population })
            .ToListAsync(cancellationToken);
        figures.Sort((a, b) => a.FiscalYear != b.FiscalYear ? a.FiscalYear.CompareTo(b.FiscalYear) : a.RecordedAtUtc != b.RecordedAtUtc ? a.RecordedAtUtc.CompareTo(b.RecordedAtUtc) : a.Id.CompareTo(b.Id));
        var now = new Dictionary<int, int>();
        var next = new Dictionary<int, int>(figures.Count);
        var fresh = new HashSet<int>();
        foreach (var f in figures)
        {
            if (f.FiscalYear <= thisYear) now[f.GovernmentId] = f.Population;
            next[f.GovernmentId] = f.Population;
            if (f.FiscalYear == nextYear) fresh.Add(f.GovernmentId);
        }

        var rows = new List<CensusPreviewRow>(members.Count);
        var quoteNow = new Quotes(thisSchedule);
        var quoteNext = nextSchedule is null ? quoteNow : new Quotes(nextSchedule);
        foreach (var m in members)
        {
            var popNow = now.TryGetValue(m.Id, out var a) ? a : m.Population;
            var popNext = pending is not null && pending.TryGetValue(m.Id, out var p) ? p : next.TryGetValue(m.Id, out var b) ? b : m.Population;
            // DuesComparison.For's figures, from quotes worked out once per flat-tier bracket (90,000 members, two quotes each).
            var comparison = new DuesComparison(thisYear, quoteNow.For(popNow), quoteNext.For(popNext), nextSchedule is null);
            rows.Add(new CensusPreviewRow(m.Id, m.Name, m.State, comparison, fresh.Contains(m.Id) || (pending?.ContainsKey(m.Id) ?? false)));
        }

        return new CensusPreview(thisYear, nextYear, rows, DuesPreview.Build(rows.Select(r => r.Comparison), thisSchedule, nextSchedule), nextSchedule is null);
    }

    /// <summary>
    /// One city's dues for association fiscal year <paramref name="fiscalYear"/> against the year before (for "Your dues
    /// next year" and the budget notice); null when no schedule is in force.
    /// </summary>
    public async Task<DuesComparison?> ComparisonAsync(int governmentId, int fiscalYear, CancellationToken cancellationToken)
    {
        var given = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => (int?)g.Population).FirstOrDefaultAsync(cancellationToken);
        if (given is null) return null;
        var thisSchedule = await calculator.ScheduleForAsync(fiscalYear - 1, cancellationToken);
        if (thisSchedule is null) return null;
        var nextSchedule = await db.DuesSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.FiscalYear == fiscalYear, cancellationToken);
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => f.GovernmentId == governmentId && f.FiscalYear <= fiscalYear).ToListAsync(cancellationToken);
        return DuesComparison.For(fiscalYear - 1, PopulationFigure.InForce(figures, fiscalYear - 1, given.Value), PopulationFigure.InForce(figures, fiscalYear, given.Value), thisSchedule, nextSchedule);
    }

    /// <summary>The figure history of one city, latest first.</summary>
    public Task<List<PopulationFigure>> HistoryAsync(int governmentId, CancellationToken cancellationToken) =>
        db.PopulationFigures.AsNoTracking().Where(f => f.GovernmentId == governmentId)
            .OrderByDescending(f => f.RecordedAtUtc).ThenByDescending(f => f.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// A schedule's quotes for many populations: under flat tiers a bracket's quote differs only by its population, so
    /// it is worked out once per bracket (its texts formatted once); other kinds are quoted one by one.
    /// </summary>
    private sealed class Quotes(DuesSchedule schedule)
    {
        private readonly (int Min, int? Max, DuesQuote Quote)[]? _tiers = schedule.Kind == DuesScheduleKind.FlatTiers
            ? schedule.Brackets.OrderBy(b => b.MinPopulation).Select(b => (b.MinPopulation, b.MaxPopulation, schedule.Quote(b.MinPopulation, newMember: false))).ToArray()
            : null;

        public DuesQuote For(int population)
        {
            if (_tiers is not null)
                foreach (var (min, max, quote) in _tiers)
                    if (population >= min && (max is null || population < max)) return quote with { Population = population };
            return schedule.Quote(population, newMember: false);
        }
    }

    private sealed record Member(int Id, string Name, string State, string NameKey, int Population);

    /// <summary>Every billed member once (a government has one current membership; any other is skipped); the folded name only when matching a CSV.</summary>
    private async Task<List<Member>> MembersAsync(CancellationToken cancellationToken, bool withKey = false)
    {
        var billed = db.Memberships.AsNoTracking().Where(m => Billed.Contains(m.Status));
        var all = withKey
            ? await billed.Select(m => new Member(m.GovernmentId, m.Government.Name, m.Government.State, m.Government.NameKey, m.Government.Population)).ToListAsync(cancellationToken)
            : await billed.Select(m => new Member(m.GovernmentId, m.Government.Name, m.Government.State, "", m.Government.Population)).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        return all.Where(m => seen.Add(m.Id)).ToList();
    }

    /// <summary>The recorded figure in force for <paramref name="fiscalYear"/>, by government (governments with none are absent).</summary>
    private async Task<Dictionary<int, int>> InForceAsync(int fiscalYear, CancellationToken cancellationToken)
    {
        var figures = await db.PopulationFigures.AsNoTracking()
            .Where(f => f.FiscalYear <= fiscalYear)
            .Select(f => new { f.GovernmentId, f.FiscalYear, f.RecordedAtUtc, f.Id, f.Population })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, int>();
        foreach (var f in figures.OrderBy(f => f.FiscalYear).ThenBy(f => f.RecordedAtUtc).ThenBy(f => f.Id))
            result[f.GovernmentId] = f.Population;
        return result;
    }

    /// <summary>Parses the file and matches each row to a member city (folded name and state).</summary>
    private async Task<(int Parsed, List<(PopulationCsvRow Row, int GovernmentId, int Given)> Matched, List<PopulationCsvError> Errors)> CheckAsync(string text, CancellationToken cancellationToken)
    {
        var parsed = PopulationCsv.Parse(text, LatestCensusYear);
        var errors = parsed.Errors.ToList();
        var matched = new List<(PopulationCsvRow, int, int)>(parsed.Rows.Count);
        if (parsed.Rows.Count > 0)
        {
            var members = (await MembersAsync(cancellationToken, withKey: true)).ToDictionary(m => (m.NameKey, m.State));
            foreach (var row in parsed.Rows)
            {
                if (members.TryGetValue(row.Key, out var m)) matched.Add((row, m.Id, m.Population));
                else errors.Add(new PopulationCsvError(row.Row, "name", $"{row.Name}, {row.State} is not a member city (check the spelling and the state)."));
            }
        }

        return (parsed.Rows.Count + parsed.Errors.Count(e => e.Row > 0), matched, errors.OrderBy(e => e.Row).ToList());
    }
}
