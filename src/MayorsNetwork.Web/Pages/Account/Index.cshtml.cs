using System.Security.Claims;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>The signed-in person's home: their city, its membership status and its history.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PortalPageModel
{
    public string FullName { get; private set; } = "";

    public bool IsStaff { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public CityView? City { get; private set; }

    /// <summary>The city's invoices not yet paid or void (shown when the account is linked to its city).</summary>
    public int UnpaidInvoices { get; private set; }

    /// <summary>Who receives the city's billing email (issue 14): the billing contact's address and how many CCs; shown when the account is linked to its city.</summary>
    public (string Email, int Cc)? BillingContacts { get; private set; }

    /// <summary>The city's mayor's committee seats that have not ended (current and starting later), when the account is linked to its city.</summary>
    public IReadOnlyList<SeatView> Seats { get; private set; } = [];

    /// <summary>Resolutions the city sponsored, latest first (shown when the account is linked to its city).</summary>
    public IReadOnlyList<ResolutionView> Resolutions { get; private set; } = [];

    /// <summary>Resolutions naming the city as cosponsor that it has not confirmed yet.</summary>
    public IReadOnlyList<ResolutionView> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.GovernmentId, u.TwoFactorEnabled, u.EmailConfirmed, u.NormalizedEmail })
            .SingleAsync(cancellationToken);
        FullName = user.FullName;
        TwoFactorEnabled = user.TwoFactorEnabled;
        IsStaff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);

        // Open votes this person can cast a city's ballot in: as its delegate (the account's city) or as the alternate named on its credential.
        var electorGovernmentId = user.GovernmentId ?? -1;
        var emailKey = user.EmailConfirmed ? user.NormalizedEmail : null;
        OpenVotes = await (
                from e in db.Electors.AsNoTracking()
                join v in db.Votes.AsNoTracking() on e.VoteId equals v.Id
                where v.IsOpen && (e.GovernmentId == electorGovernmentId || (emailKey != null && e.AlternateEmailKey == emailKey))
                orderby v.OpenedAtUtc, e.City
                select new OpenVoteView(v.Id, v.Resolution.Title, v.Stage, e.City, db.Ballots.Any(b => b.VoteId == v.Id && b.MembershipId == e.MembershipId)))
            .ToListAsync(cancellationToken);

        // Someone who applied again for a former member sees their own application only, never the old membership's
        // record or history (which belong to whoever held it before, until staff approve).
        if (user.GovernmentId is null)
        {
            OwnReapplication = await db.MembershipProposals.AsNoTracking()
                .Where(p => p.ApplicantUserId == userId)
                .OrderByDescending(p => p.SubmittedAtUtc).ThenByDescending(p => p.Id)
                .Select(p => new ReapplicationView(p.Name, db.Memberships.Where(m => m.Id == p.MembershipId).Select(m => m.Government.State).First(),
                    p.Kind, p.Population, p.MayorTitle + " " + p.Mayor.Name, p.Status, p.SubmittedAtUtc, p.DecisionReason))
                .FirstOrDefaultAsync(cancellationToken);
            if (OwnReapplication is not null) return;
        }

        // A member's account is linked to its city; an applicant's is found through the application.
        City = await db.Memberships.AsNoTracking()
            .Where(m => user.GovernmentId != null ? m.GovernmentId == user.GovernmentId : m.ApplicantUserId == userId)
            .Select(m => new CityView(
                m.Government.Name, m.Government.State, m.Government.Kind, m.Government.Population,
                m.Government.MayorTitle + " " + m.Government.Mayor.Name, m.Status, user.GovernmentId != null,
                m.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).Select(h => new HistoryRow(h.AtUtc, h.From, h.To, h.ByName, h.Reason)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        if (user.GovernmentId is { } governmentId)
        {
            UnpaidInvoices = await db.Invoices.AsNoTracking()
                .CountAsync(i => i.Membership.GovernmentId == governmentId && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent), cancellationToken);
            var billing = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => new { g.Billing.Email, g.BillingCc }).SingleAsync(cancellationToken);
            BillingContacts = (billing.Email, billing.BillingCc.Count);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var seats = await db.Seats.AsNoTracking()
                .Where(s => s.Membership.GovernmentId == governmentId && s.EndedAtUtc == null && (s.EndsOn == null || s.EndsOn >= today))
                .Select(s => new SeatView(s.Body.Name, s.Body.Slug, s.Role, s.MayorName, s.StartsOn, s.EndsOn))
                .ToListAsync(cancellationToken);
            Seats = seats.InRosterOrder(s => s.Role, s => s.Body, s => s.Body).ToList();
            Resolutions = await db.Resolutions.AsNoTracking()
                .Where(r => db.Memberships.Any(m => m.Id == r.SponsorMembershipId && m.GovernmentId == governmentId))
                .OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)
                .Select(r => new ResolutionView(r.Id, r.Title, db.Meetings.Where(m => m.Id == r.MeetingId).Select(m => m.Title).First(), r.Status, r.SponsorName, r.SponsorCity))
                .ToListAsync(cancellationToken);
            Invitations = await db.Cosponsors.AsNoTracking()
                .Where(c => c.ConfirmedAtUtc == null && db.Memberships.Any(m => m.Id == c.MembershipId && m.GovernmentId == governmentId))
                .OrderBy(c => c.InvitedAtUtc).ThenBy(c => c.Id)
                .Select(c => new ResolutionView(c.ResolutionId, c.Resolution.Title, db.Meetings.Where(m => m.Id == c.Resolution.MeetingId).Select(m => m.Title).First(),
                    c.Resolution.Status, c.Resolution.SponsorName, c.Resolution.SponsorCity))
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Open votes in which this person casts a city's ballot, oldest first.</summary>
    public IReadOnlyList<OpenVoteView> OpenVotes { get; private set; } = [];

    public sealed record OpenVoteView(int VoteId, string Resolution, MayorsNetwork.Domain.Voting.VoteStage Stage, string City, bool Voted);

    public sealed record ResolutionView(int Id, string Title, string Meeting, ResolutionStatus Status, string SponsorName, string SponsorCity);

    public sealed record SeatView(string Body, string Slug, SeatRole Role, string Mayor, DateOnly StartsOn, DateOnly? EndsOn);

    /// <summary>This account's own re-application for a former member (shown instead of the city's record).</summary>
    public ReapplicationView? OwnReapplication { get; private set; }

    public sealed record ReapplicationView(string Name, string State, GovernmentKind Kind, int Population, string Mayor, ProposalStatus Status, DateTime SubmittedAtUtc, string? Reason);

    public sealed record CityView(string Name, string State, GovernmentKind Kind, int Population, string Mayor, MembershipStatus Status, bool IsLinked, List<HistoryRow> History);

    public sealed record HistoryRow(DateTime AtUtc, MembershipStatus? From, MembershipStatus To, string ByName, string Reason);
}
