using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>
/// A member city's mayor (an account linked to a city that is Active or in its grace period) submits a
/// resolution for a meeting whose deadline has not passed, naming other member cities as cosponsors. Each
/// cosponsor city's mayor is emailed a link to confirm. Staff, not the sponsor, set the rule to pass.
/// </summary>
public sealed class NewModel(PortalDbContext db, Outbox outbox, MembershipEmails emails, PortalLinks links, TimeProvider clock) : PortalPageModel
{
    /// <summary>A resolution names a handful of cosponsors; more than this is a mistake (or abuse).</summary>
    public const int MaxCosponsors = 50;

    [BindProperty]
    public ResolutionInput Input { get; set; } = new();

    /// <summary>Why this account cannot submit a resolution; null when it can.</summary>
    public string? Refusal { get; private set; }

    public string? CityName { get; private set; }

    public int? OwnMembershipId { get; private set; }

    public IReadOnlyList<MeetingOption> Meetings { get; private set; } = [];

    public IReadOnlyList<CityOption> Cities { get; private set; } = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(int? meetingId, CancellationToken cancellationToken)
    {
        if (await SponsorAsync(cancellationToken) is null) return;
        await LoadChoicesAsync(cancellationToken);
        Input.MeetingId = meetingId ?? (Meetings.Count == 1 ? Meetings[0].Id : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var sponsor = await SponsorAsync(cancellationToken);
        if (sponsor is null) return Page();
        await LoadChoicesAsync(cancellationToken);

        var now = Now;
        var meeting = Input.MeetingId is { } meetingId
            ? await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            : null;
        if (meeting is null)
            ModelState.AddModelError("Input.MeetingId", "Choose the meeting the resolution is for.");
        else if (!Resolution.IsOnTime(meeting.ResolutionDeadlineUtc, now))
            ModelState.AddModelError("Input.MeetingId", $"The deadline for resolutions to the {meeting.Title} was {meeting.ResolutionDeadlineUtc:MMMM d, yyyy HH:mm} UTC; it has passed, so it takes no more resolutions.");

        Resolution.CheckText(Input.Title, Input.Text).AddTo(ModelState);

        var cosponsors = await CosponsorsAsync(sponsor, cancellationToken);
        if (!ModelState.IsValid || meeting is null) return Page();

        // The resolution and its invitations are saved together (the outbox is written in the same transaction).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolution = Resolution.Submit(meeting.Id, Input.Title!, Input.Text!, sponsor.MembershipId, sponsor.UserId, sponsor.MayorName, sponsor.City, now);
        db.Resolutions.Add(resolution);
        foreach (var c in cosponsors)
            resolution.Cosponsors.Add(new Cosponsor { MembershipId = c.MembershipId, MayorName = c.MayorName, City = c.City, InvitedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        // Saved once more: the link in the invitations names the resolution's id.
        var link = links.Resolution(resolution.Id);
        foreach (var c in cosponsors.Where(c => !string.IsNullOrWhiteSpace(c.MayorEmail)))
        {
            var email = emails.CosponsorInvited(c.MayorName, sponsor.MayorName, sponsor.City, resolution.Title, meeting.Title, link);
            outbox.Enqueue("Cosponsor invitation", [c.MayorEmail], [], email.Subject, email.Text, email.Html);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        StatusMessage = cosponsors.Count == 0
            ? "Your resolution is submitted. Staff will refer it to a standing committee."
            : $"Your resolution is submitted. We emailed the {(cosponsors.Count == 1 ? "cosponsor's mayor" : $"mayors of the {cosponsors.Count} cosponsor cities")} to confirm; a cosponsor is listed once it confirms.";
        return RedirectToPage("/Resolutions/Detail", new { id = resolution.Id });
    }

    /// <summary>The signed-in account's city, when it may submit; otherwise sets <see cref="Refusal"/>.</summary>
    private async Task<Sponsor?> SponsorAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.GovernmentId, u.FullName }).SingleAsync(cancellationToken);
        var city = user.GovernmentId is { } governmentId
            ? await db.Memberships.AsNoTracking().Where(m => m.GovernmentId == governmentId)
                .Select(m => new { m.Id, m.Status, m.Government.Name, m.Government.State, m.Government.MayorTitle, Mayor = m.Government.Mayor.Name })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (city is null)
        {
            Refusal = "Resolutions are submitted by member cities' mayors. Your account is not linked to a member city: once your city's application is approved and its dues are paid, you can submit resolutions here.";
            return null;
        }

        CityName = $"{city.Name}, {city.State}";
        if (Sponsorship.SponsorRefusal(city.Status) is { } refusal)
        {
            Refusal = refusal;
            return null;
        }

        var mayor = string.IsNullOrWhiteSpace(city.Mayor) ? user.FullName : $"{city.MayorTitle} {city.Mayor}".Trim();
        OwnMembershipId = city.Id;
        return new Sponsor(city.Id, userId, mayor, CityName);
    }

    /// <summary>Checks the chosen cosponsors, adding a message for each one that cannot be; returns the valid ones.</summary>
    private async Task<List<CosponsorCity>> CosponsorsAsync(Sponsor sponsor, CancellationToken cancellationToken)
    {
        var ids = Input.CosponsorIds.Distinct().ToList();
        if (ids.Count > MaxCosponsors)
        {
            ModelState.AddModelError("Input.CosponsorIds", $"Choose at most {MaxCosponsors} cosponsors.");
            return [];
        }

        if (ids.Contains(sponsor.MembershipId))
            ModelState.AddModelError("Input.CosponsorIds", $"{sponsor.City} is the sponsor; choose other member cities as cosponsors.");
        ids.Remove(sponsor.MembershipId);
        var found = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.Government.Name, m.Government.State, m.Government.MayorTitle, Mayor = m.Government.Mayor.Name, m.Government.Mayor.Email })
            .ToListAsync(cancellationToken);
        if (found.Count < ids.Count)
            ModelState.AddModelError("Input.CosponsorIds", "A city chosen as cosponsor is not one we know; choose again from the list.");
        var valid = new List<CosponsorCity>();
        foreach (var m in found.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var city = $"{m.Name}, {m.State}";
            if (Sponsorship.CosponsorRefusal(city, m.Status) is { } refusal) ModelState.AddModelError("Input.CosponsorIds", refusal);
            else valid.Add(new CosponsorCity(m.Id, string.IsNullOrWhiteSpace(m.Mayor) ? $"The mayor of {city}" : $"{m.MayorTitle} {m.Mayor}".Trim(), city, m.Email));
        }

        return valid;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.ResolutionDeadlineUtc > now)
            .OrderBy(m => m.ResolutionDeadlineUtc).ThenBy(m => m.Id)
            .Select(m => new MeetingOption(m.Id, m.Title, m.ResolutionDeadlineUtc))
            .ToListAsync(cancellationToken);
        Cities = await db.Memberships.AsNoTracking()
            .Where(m => (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Grace) && m.Id != OwnMembershipId)
            .OrderBy(m => m.Government.Name).ThenBy(m => m.Government.State)
            .Select(m => new CityOption(m.Id, m.Government.Name + ", " + m.Government.State, m.Government.Mayor.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed class ResolutionInput
    {
        public int? MeetingId { get; set; }

        public string? Title { get; set; }

        [DataType(DataType.MultilineText)]
        public string? Text { get; set; }

        public List<int> CosponsorIds { get; set; } = [];
    }

    private sealed record Sponsor(int MembershipId, string UserId, string MayorName, string City);

    private sealed record CosponsorCity(int MembershipId, string MayorName, string City, string MayorEmail);

    public sealed record MeetingOption(int Id, string Title, DateTime DeadlineUtc);

    public sealed record CityOption(int MembershipId, string City, string Mayor);
}
