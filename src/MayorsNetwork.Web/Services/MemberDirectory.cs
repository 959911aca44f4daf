namespace MayorsNetwork.Web.Services;

/// <summary>
/// The public member directory's queries: member governments by folded name then state, 50 a page. Searched or
/// filtered by state, a page is an OFFSET query on the (NameKey, State) or (State, NameKey) index. The whole list
/// (90,000 governments for every U.S. local government) is paged by the first name of each page, kept by
/// <see cref="DirectoryPageStarts"/>: any page, the last one too, is then a range of that index, about 50 rows read,
/// where OFFSET would read every row before it.
/// </summary>
public sealed class MemberDirectory(PortalDbContext db, DirectoryPageStarts starts)
{
    public const int PageSize = 50;

    /// <summary>
    /// Listed: Active (dues paid) and Grace (this year's invoice overdue, but still a member until it lapses: it keeps
    /// its seats and may sponsor resolutions). Not listed: applications not yet paid for (Applied, Approved, Invoiced)
    /// and Rejected, Lapsed or Withdrawn governments, which are not members.
    /// </summary>
    public static readonly MembershipStatus[] Listed = [MembershipStatus.Active, MembershipStatus.Grace];

    /// <summary>Written as "not one of the others" so that SQLite, which keeps no statistics here, walks the name index
    /// (in page order) instead of the status index (then sorting every member for one page).</summary>
    private static readonly MembershipStatus[] NotListed = Enum.GetValues<MembershipStatus>().Except(Listed).ToArray();

    public static IQueryable<Membership> Members(PortalDbContext db) =>
        db.Memberships.AsNoTracking().Where(m => !NotListed.Contains(m.Status));

    /// <summary>A page of the directory; a page past the last gives the last. Name is a folded key (<see cref="Government.KeyFor"/>).</summary>
    public async Task<PagedList<DirectoryRow>> PageAsync(string? nameKey, string? state, int page, CancellationToken cancellationToken)
    {
        var members = Members(db);
        if (nameKey is null && state is null)
        {
            var boundaries = await starts.GetAsync(db, cancellationToken);
            page = Math.Clamp(page, 1, Math.Max(1, boundaries.Starts.Count));
            if (boundaries.Starts.Count == 0) return new PagedList<DirectoryRow>([], 1, PageSize, 0);
            var (fromKey, fromState) = boundaries.Starts[page - 1];
            members = members.Where(m => string.Compare(m.Government.NameKey, fromKey) >= 0
                                         && (string.Compare(m.Government.NameKey, fromKey) > 0 || string.Compare(m.Government.State, fromState) >= 0));
            if (page < boundaries.Starts.Count)
            {
                var (toKey, toState) = boundaries.Starts[page];
                members = members.Where(m => string.Compare(m.Government.NameKey, toKey) <= 0
                                             && (string.Compare(m.Government.NameKey, toKey) < 0 || string.Compare(m.Government.State, toState) < 0));
            }

            return new PagedList<DirectoryRow>(await RowsAsync(Ordered(members), cancellationToken), page, PageSize, boundaries.Total);
        }

        if (nameKey is not null) members = members.Where(m => m.Government.NameKey.Contains(nameKey));
        if (state is not null) members = members.Where(m => m.Government.State == state);
        var total = await members.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await RowsAsync(Ordered(members).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PagedList<DirectoryRow>(rows, page, PageSize, total);
    }

    /// <summary>By the folded name, so that "Española" sits among the E's on SQLite and PostgreSQL alike, then state.</summary>
    public static IQueryable<Membership> Ordered(IQueryable<Membership> members) =>
        members.OrderBy(m => m.Government.NameKey).ThenBy(m => m.Government.State);

    private static Task<List<DirectoryRow>> RowsAsync(IQueryable<Membership> members, CancellationToken cancellationToken) =>
        members.Select(m => new DirectoryRow(m.Government.Name, m.Government.State, m.Government.Kind, m.Government.Population,
                m.Government.MayorTitle, m.Government.Mayor.Name, m.Status, m.MemberSinceUtc))
            .ToListAsync(cancellationToken);
}
