using System.Security.Claims;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>
/// One resolution, open to everyone: its text, sponsor, confirmed cosponsors, where it stands, its history and
/// its votes. An invited cosponsor city's own accounts confirm the cosponsorship here; no one else can.
/// </summary>
[AllowAnonymous]
public sealed class DetailModel(PortalDbContext db, TimeProvider clock) : PortalPageModel
{
    public Resolution Resolution { get; private set; } = null!;

    public string MeetingTitle { get; private set; } = "";

    public DateOnly MeetingStartsOn { get; private set; }

    public string? Committee { get; private set; }

    public IReadOnlyList<Cosponsor> Confirmed { get; private set; } = [];

    /// <summary>Invited cities that have not confirmed: shown only to the sponsor city's accounts and to staff.</summary>
    public IReadOnlyList<Cosponsor> Pending { get; private set; } = [];

    public bool ShowsPending { get; private set; }

    /// <summary>The viewer's city's invitation, when it is invited and has not confirmed yet.</summary>
    public Cosponsor? MyInvitation { get; private set; }

    public IReadOnlyList<VoteRow> Votes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var governmentId = await GovernmentIdAsync(cancellationToken);
        var invitation = governmentId is null
            ? null
            : await db.Cosponsors.AsNoTracking()
                .Where(c => c.ResolutionId == id && db.Memberships.Any(m => m.Id == c.MembershipId && m.GovernmentId == governmentId))
                .FirstOrDefaultAsync(cancellationToken);
        if (invitation is null)
        {
            ModelState.AddModelError("", "Your city is not invited to cosponsor this resolution: only an invited city's own accounts can confirm its cosponsorship. Nothing was changed.");
            return Page();
        }

        // Cosponsors are gathered while the resolution is Submitted; once staff refer it, the list its committee
        // reads is fixed (issue 11, defect 8).
        if (invitation.ConfirmedAtUtc is null && Resolution.Status != ResolutionStatus.Submitted)
        {
            ModelState.AddModelError("", ClosedMessage(Resolution.Status));
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional, so two confirmations at once (two devices, a double click) record the first, and a
        // confirmation that crosses staff's referral changes nothing.
        var changed = await db.Cosponsors
            .Where(c => c.Id == invitation.Id && c.ConfirmedAtUtc == null
                && db.Resolutions.Any(r => r.Id == id && r.Status == ResolutionStatus.Submitted))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAtUtc, now).SetProperty(c => c.ConfirmedByUserId, userId), cancellationToken);
        if (changed == 0 && invitation.ConfirmedAtUtc is null
            && await db.Resolutions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(cancellationToken) is var status
            && status != ResolutionStatus.Submitted)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", ClosedMessage(status));
            return Page();
        }

        StatusMessage = changed == 1
            ? $"{invitation.City} is now listed as a cosponsor of this resolution."
            : $"{invitation.City} had already confirmed; it is listed as a cosponsor.";
        return RedirectToPage(new { id });
    }

    private static string ClosedMessage(ResolutionStatus status) =>
        $"This resolution is {status.Display()}: cosponsors can confirm only while it is Submitted, before staff refer it to a committee. Nothing was changed.";

    private async Task<int?> GovernmentIdAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return null;
        return await db.GovernmentIdAsync(User, cancellationToken);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().AsSplitQuery().Include(r => r.Cosponsors).Include(r => r.Changes)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resolution is null) return false;
        Resolution = resolution;
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == resolution.MeetingId).Select(m => new { m.Title, m.StartsOn }).SingleAsync(cancellationToken);
        (MeetingTitle, MeetingStartsOn) = (meeting.Title, meeting.StartsOn);
        Committee = resolution.CommitteeId is { } committeeId
            ? await db.Bodies.AsNoTracking().Where(b => b.Id == committeeId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var cosponsors = resolution.Cosponsors.OrderBy(c => c.City, StringComparer.Ordinal).ToList();
        Confirmed = cosponsors.Where(c => c.IsConfirmed).ToList();

        var governmentId = await GovernmentIdAsync(cancellationToken);
        var myMembershipId = governmentId is null
            ? null
            : await db.Memberships.AsNoTracking().Where(m => m.GovernmentId == governmentId).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        ShowsPending = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin) || (myMembershipId is not null && myMembershipId == resolution.SponsorMembershipId);
        Pending = ShowsPending ? cosponsors.Where(c => !c.IsConfirmed).ToList() : [];
        MyInvitation = myMembershipId is null || resolution.Status != ResolutionStatus.Submitted
            ? null
            : cosponsors.FirstOrDefault(c => c.MembershipId == myMembershipId && !c.IsConfirmed);

        Votes = await db.Votes.AsNoTracking().Where(v => v.ResolutionId == id).OrderBy(v => v.Stage)
            .Select(v => new VoteRow(v.Id, v.Stage, v.IsOpen, v.OpenedAtUtc, v.ClosedAtUtc, v.ElectorCount, v.Yes, v.No, v.Abstain, v.Passed))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record VoteRow(int Id, VoteStage Stage, bool IsOpen, DateTime OpenedAtUtc, DateTime? ClosedAtUtc, int Electors, int? Yes, int? No, int? Abstain, bool? Passed);
}
