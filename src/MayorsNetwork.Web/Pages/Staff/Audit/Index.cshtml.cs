using MayorsNetwork.Infrastructure.Audit;
using MayorsNetwork.Web.Exports;

namespace MayorsNetwork.Web.Pages.Staff.Audit;

/// <summary>
/// The audit trail (issue 15 item 5), for Admin only: who did what, when and from where, newest first, searched by
/// person (name or email), city, kind ("Invoice" for every Invoice.* kind, or one kind) and a date range (UTC days);
/// the same filtered list as a CSV file.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PortalPageModel
{
    public const int PageSize = 50;

    /// <summary>The most rows one CSV file holds; narrow the filters for more.</summary>
    public const int CsvLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Results { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    /// <summary>Why the filters cannot be used, shown above the form; nothing is listed then.</summary>
    public string? FilterError { get; private set; }

    /// <summary>The filters as route values, for the pager's and the CSV link.</summary>
    public Dictionary<string, string> Filters(int? page = null)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Person)) values["person"] = Person.Trim();
        if (!string.IsNullOrWhiteSpace(City)) values["city"] = City.Trim();
        if (!string.IsNullOrWhiteSpace(Kind)) values["kind"] = Kind.Trim();
        if (From is { } from) values["from"] = CsvFile.Date(from);
        if (To is { } to) values["to"] = CsvFile.Date(to);
        if (page is { } p) values["p"] = p.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = await db.AuditEntries.AsNoTracking().Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
        if (Filtered() is not { } query) return;
        Results = await Rows(query).PageAsync(PageNumber, PageSize, cancellationToken);
        PageNumber = Results.Page;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Filtered() is not { } query)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var rows = await Rows(query).Take(CsvLimit).ToListAsync(cancellationToken);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        return File(AuditCsv.Write(rows), CsvFile.ContentType, $"audit-{stamp}.csv");
    }

    /// <summary>The entries the filters select, newest first; null (with <see cref="FilterError"/>) when they cannot be used.</summary>
    private IQueryable<AuditEntry>? Filtered()
    {
        if (ModelState.GetFieldValidationState(nameof(From)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || ModelState.GetFieldValidationState(nameof(To)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            FilterError = "Enter dates as YYYY-MM-DD.";
            return null;
        }

        if (From is { } f && To is { } t && f > t)
        {
            FilterError = "The start date is after the end date.";
            return null;
        }

        if (new[] { Person, City, Kind }.Any(v => v is { Length: > FieldLimits.Name }))
        {
            FilterError = $"Search for at most {FieldLimits.Name} characters.";
            return null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            // "Invoice" finds every Invoice.* kind; "Invoice.Payment" that kind alone.
            var kind = Kind.Trim();
            var family = kind + ".";
            query = query.Where(e => e.Kind == kind || e.Kind.StartsWith(family));
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.AtUtc >= start);
        }

        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(City))
        {
            // The folded name ignores case and accents on every database, as the invoice search does.
            var key = Government.KeyFor(City);
            var governments = db.Governments.Where(g => g.NameKey.Contains(key)).Select(g => (int?)g.Id);
            query = query.Where(e => governments.Contains(e.GovernmentId));
        }

        if (!string.IsNullOrWhiteSpace(Person))
        {
            var person = Person.Trim().ToUpperInvariant();
            query = query.Where(e => e.ActorEmail.ToUpper().Contains(person) || e.ActorName.ToUpper().Contains(person));
        }

        return query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    private IQueryable<Row> Rows(IQueryable<AuditEntry> ordered) => ordered.Select(e => new Row(
        e.Id, e.AtUtc, e.ActorName, e.ActorEmail, e.RemoteAddress, e.Kind, e.EntityType, e.EntityKey,
        db.Governments.Where(g => g.Id == e.GovernmentId).Select(g => g.Name).FirstOrDefault(), e.Changes));

    public sealed record Row(long Id, DateTime AtUtc, string ActorName, string ActorEmail, string? RemoteAddress, string Kind, string EntityType, string EntityKey, string? City, string Changes);
}
