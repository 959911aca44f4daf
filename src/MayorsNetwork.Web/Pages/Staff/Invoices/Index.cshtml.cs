using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>Invoices a page at a time, filtered by status, fiscal year, overdue and awaiting council approval, searched by member name, invoice number, PO or vendor number.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : StatusListPageModel<IndexModel.Row>
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Only invoices whose payment awaits council approval today (issue 14, item 5).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Held { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The filters as route values, for the pager's links.</summary>
    public Dictionary<string, string> Filters(int page)
    {
        var values = new Dictionary<string, string> { ["status"] = Status ?? All, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Year is { } y) values["year"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Overdue) values["overdue"] = "true";
        if (Held) values["held"] = "true";
        if (!string.IsNullOrWhiteSpace(Q)) values["q"] = Q;
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = db.Invoices.AsNoTracking();
        if (ChosenStatus<InvoiceStatus>() is { } status) query = query.Where(i => i.Status == status);

        if (Year is { } year) query = query.Where(i => i.FiscalYear == year);
        if (Overdue)
        {
            // Past the printed due date in SQL; of those, the ones a council hold ever held (few) are worked out exactly here
            // with their held days (issue 14, item 5), and the ones not yet past their effective due date left out in SQL.
            var today = Today;
            query = query.Where(i => (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent) && i.DueOn < today);
            var notYetDue = await NotYetOverdueAsync(query, today, cancellationToken);
            if (notYetDue.Count > 0) query = query.Where(i => !notYetDue.Contains(i.Id));
        }

        if (Held)
        {
            var today = Today;
            query = query.Where(i => (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent)
                && db.CouncilHolds.Any(h => h.InvoiceId == i.Id && !h.IsLifted && h.ExpectedBy >= today));
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= FieldLimits.Name)
        {
            // The folded name ignores case and accents on both databases; a number is matched as typed.
            var key = Government.KeyFor(Q);
            var number = Q.Trim();
            // PO and vendor numbers (issue 14) as typed, ignoring case.
            var reference = number.ToUpperInvariant();
            query = query.Where(i => i.Membership.Government.NameKey.Contains(key) || i.Number.Contains(number)
                || (i.PurchaseOrderNumber != null && i.PurchaseOrderNumber.ToUpper().Contains(reference))
                || (i.VendorNumber != null && i.VendorNumber.ToUpper().Contains(reference)));
        }

        // Newest number first. Ordered by integers: SQLite cannot order by decimals.
        var page = await query
            .OrderByDescending(i => i.FiscalYear).ThenByDescending(i => i.Sequence).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Number, i.MemberName, i.MemberState, i.FiscalYear, i.Total, i.IssuedOn, i.DueOn, i.Status, i.PurchaseOrderNumber })
            .PageAsync(PageNumber, PageSize, cancellationToken);
        PageNumber = page.Page;

        // Balances: the page's payments in one query, summed here (SQLite cannot SUM decimals).
        var items = page.Items;
        var ids = items.Select(i => i.Id).ToList();
        var paid = (await db.Payments.AsNoTracking().Where(p => ids.Contains(p.InvoiceId))
                .Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(cancellationToken))
            .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        // The page's council holds in force today: the date payment is expected by (issue 14, item 5).
        var holdsFrom = Today;
        // Overdue after the effective due date: the printed one plus the days a council hold held it.
        var holds = await db.CouncilHolds.AsNoTracking().Include(h => h.Changes).Where(h => ids.Contains(h.InvoiceId))
            .ToDictionaryAsync(h => h.InvoiceId, cancellationToken);
        var held = holds.Values.Where(h => !h.IsLifted && h.ExpectedBy >= holdsFrom).ToDictionary(h => h.InvoiceId, h => h.ExpectedBy);
        var rows = items.Select(i => new Row(
            i.Id, i.Number, i.MemberName, i.MemberState, i.FiscalYear, i.Total, i.Total - paid.GetValueOrDefault(i.Id), i.DueOn, i.Status,
            i.Status is InvoiceStatus.Issued or InvoiceStatus.Sent && i.DueOn < Today
                && new DuesClock(i.IssuedOn, i.DueOn, 0, 0, holds.GetValueOrDefault(i.Id)?.Periods()).IsOverdue(Today), i.PurchaseOrderNumber,
            i.Status is InvoiceStatus.Issued or InvoiceStatus.Sent && held.TryGetValue(i.Id, out var until) ? until : null)).ToList();
        Results = new PagedList<Row>(rows, page.Page, PageSize, page.TotalCount);
        Years = await db.Invoices.AsNoTracking().Select(i => i.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
    }

    /// <summary>Of the invoices <paramref name="pastPrintedDue"/> selects, those with a council hold that are not overdue today.</summary>
    private async Task<List<int>> NotYetOverdueAsync(IQueryable<Invoice> pastPrintedDue, DateOnly today, CancellationToken cancellationToken)
    {
        var candidates = await pastPrintedDue.Where(i => db.CouncilHolds.Any(h => h.InvoiceId == i.Id))
            .Select(i => new { i.Id, i.IssuedOn, i.DueOn }).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];
        var candidateIds = candidates.Select(c => c.Id).ToList();
        var holds = await db.CouncilHolds.AsNoTracking().Include(h => h.Changes).Where(h => candidateIds.Contains(h.InvoiceId))
            .ToDictionaryAsync(h => h.InvoiceId, cancellationToken);
        return candidates.Where(c => !new DuesClock(c.IssuedOn, c.DueOn, 0, 0, holds[c.Id].Periods()).IsOverdue(today)).Select(c => c.Id).ToList();
    }

    /// <param name="CouncilExpectedBy">While payment awaits council approval (issue 14), the date it is expected by.</param>
    public sealed record Row(int Id, string Number, string MemberName, string State, int FiscalYear, decimal Total, decimal Balance, DateOnly DueOn, InvoiceStatus Status, bool IsOverdue, string? PurchaseOrderNumber = null,
        DateOnly? CouncilExpectedBy = null);
}
