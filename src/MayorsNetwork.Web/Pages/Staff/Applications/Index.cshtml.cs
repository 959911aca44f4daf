namespace MayorsNetwork.Web.Pages.Staff.Applications;

/// <summary>Applications and memberships, filtered by status and searched by name and state, a page at a time.</summary>
public sealed class IndexModel(PortalDbContext db) : StatusListPageModel<IndexModel.Row>
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public Dictionary<MembershipStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The default view is the work queue: applications waiting for a decision.
        Status ??= nameof(MembershipStatus.Applied);
        var query = db.Memberships.AsNoTracking();
        if (Enum.TryParse<MembershipStatus>(Status, out var status) && Enum.IsDefined(status))
            // The work queue also holds former members' re-applications, which leave the membership's status as it was.
            query = status == MembershipStatus.Applied
                ? query.Where(m => m.Status == status || db.MembershipProposals.Any(p => p.MembershipId == m.Id && p.Status == ProposalStatus.Pending))
                : query.Where(m => m.Status == status);
        else Status = All;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // A search longer than any name matches nothing; ignoring it would list everything as if it matched.
            var key = Q.Length <= FieldLimits.Name ? MayorsNetwork.Domain.Members.Government.KeyFor(Q) : null;
            query = key is null ? query.Where(m => false) : query.Where(m => m.Government.NameKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(State) && State.Length == 2)
        {
            var st = State.ToUpperInvariant();
            query = query.Where(m => m.Government.State == st);
        }

        Results = await query
            .OrderBy(m => m.AppliedAtUtc).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Government.Name, m.Government.State, m.Government.Kind, m.Government.Population, m.Status, m.AppliedAtUtc,
                db.MembershipProposals.Any(p => p.MembershipId == m.Id && p.Status == ProposalStatus.Pending)))
            .PageAsync(PageNumber, PageSize, cancellationToken);
        PageNumber = Results.Page;
        Counts = await db.Memberships.AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    public sealed record Row(int Id, string Name, string State, GovernmentKind Kind, int Population, MembershipStatus Status, DateTime AppliedAtUtc, bool Reapplied);
}
