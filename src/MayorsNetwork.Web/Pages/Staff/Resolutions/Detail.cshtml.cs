using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Staff.Resolutions;

/// <summary>
/// One resolution for staff: refer it to an active standing committee, set its rule to pass and its quorum
/// (until the plenary vote opens; a stale form cannot overwrite a newer change), open its committee and
/// plenary votes, and see its history and votes.
/// </summary>
public sealed class DetailModel(PortalDbContext db, UserManager<PortalUser> users, BallotBox ballots, TimeProvider clock) : PortalPageModel
{
    public Resolution Resolution { get; private set; } = null!;

    public string MeetingTitle { get; private set; } = "";

    public string? Committee { get; private set; }

    public IReadOnlyList<CommitteeOption> Committees { get; private set; } = [];

    public IReadOnlyList<VoteRow> VoteRows { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The rule and quorum are copied onto each vote when it opens; they can change until the plenary vote opens.</summary>
    public static bool CanSetRule(ResolutionStatus status) => Domain.Resolutions.Resolution.CanSetRule(status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ShowRule();
        return Page();
    }

    public async Task<IActionResult> OnPostReferAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var resolution = await db.Resolutions.Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resolution is null) return NotFound();
        var committee = Input.CommitteeId is { } committeeId
            ? await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == committeeId && b.Kind == BodyKind.StandingCommittee && b.IsActive, cancellationToken)
            : null;
        if (resolution.Status != ResolutionStatus.Submitted)
            ModelState.AddModelError("Input.CommitteeId", $"This resolution is {resolution.Status.Display()}; only a submitted resolution is referred.");
        else if (committee is null)
            ModelState.AddModelError("Input.CommitteeId", "Choose the active standing committee to refer it to.");
        if (!ModelState.IsValid || committee is null) return await ReloadAsync(id, cancellationToken);

        var (userId, name) = await StaffAsync();
        resolution.Refer(committee.Id, committee.Name, userId, name, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.CommitteeId", "Someone else changed this resolution a moment ago; nothing was saved. Here it is as it is now.");
            return await ReloadAsync(id, cancellationToken);
        }

        StatusMessage = $"Referred to the {committee.Name}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRuleAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var posted = Input.Version;
        var resolution = await db.Resolutions.Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resolution is null) return NotFound();
        if (resolution.Version != posted) return await StaleAsync(id, cancellationToken);
        if (!CanSetRule(resolution.Status))
        {
            ModelState.AddModelError("Input.PassRule", $"The rule to pass is fixed once the plenary vote has opened; this resolution is {resolution.Status.Display()}.");
            return await ReloadAsync(id, cancellationToken);
        }

        var rule = Enum.TryParse<PassRule>(Input.PassRule, out var r) && Enum.IsDefined(r) && !int.TryParse(Input.PassRule, out _) ? r : (PassRule?)null;
        if (rule is null) ModelState.AddModelError("Input.PassRule", "Choose the rule to pass.");
        if (!int.TryParse(Input.QuorumPercent?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var quorum))
            ModelState.AddModelError("Input.QuorumPercent", "Enter the quorum as a whole number of percent, from 0 to 100.");
        else if (Domain.Resolutions.Resolution.CheckQuorum(quorum) is { } quorumError)
            ModelState.AddModelError("Input.QuorumPercent", quorumError);
        if (!ModelState.IsValid || rule is null) return await ReloadAsync(id, cancellationToken);

        if (resolution.PassRule == rule && resolution.QuorumPercent == quorum)
        {
            StatusMessage = "The rule to pass and the quorum are as they were; nothing changed.";
            return RedirectToPage(new { id });
        }

        var (userId, name) = await StaffAsync();
        // Checked above, with the page's own words; the rule's own refusal cannot happen here.
        resolution.SetRule(rule.Value, quorum, userId, name, clock.GetUtcNow().UtcDateTime);
        db.Entry(resolution).Property(x => x.Version).OriginalValue = posted;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(id, cancellationToken);
        }

        StatusMessage = $"The rule to pass is {rule.Value.Display()}, with a quorum of {quorum}%.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostOpenCommitteeAsync(int id, CancellationToken cancellationToken) => OpenAsync(id, VoteStage.Committee, cancellationToken);

    public Task<IActionResult> OnPostOpenPlenaryAsync(int id, CancellationToken cancellationToken) => OpenAsync(id, VoteStage.Plenary, cancellationToken);

    private async Task<IActionResult> OpenAsync(int id, VoteStage stage, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await db.Resolutions.AnyAsync(r => r.Id == id, cancellationToken)) return NotFound();
        var (userId, name) = await StaffAsync();
        var (outcome, voteId) = await ballots.OpenAsync(id, stage, userId, name, cancellationToken);
        if (!outcome.Succeeded || voteId is null)
        {
            foreach (var (_, message) in outcome.Errors) ModelState.AddModelError("", message);
            return await ReloadAsync(id, cancellationToken);
        }

        StatusMessage = $"The {stage.Display().ToLowerInvariant()} is open.";
        // The vote's staff page (close, audit): /staff/votes/{id}.
        return RedirectToPage("/Staff/Votes/Detail", new { id = voteId });
    }

    private async Task<(string? UserId, string Name)> StaffAsync()
    {
        var staff = await users.GetUserAsync(User);
        return (staff?.Id, string.IsNullOrWhiteSpace(staff?.FullName) ? "Staff" : staff.FullName);
    }

    /// <summary>Someone changed the resolution since this form was opened: show theirs, keep nothing of ours.</summary>
    private async Task<IActionResult> StaleAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError("Input.PassRule", "This resolution was changed by someone else while you were editing it; nothing was saved. Here are its rule and quorum as they are now; make your change again.");
        ShowRule();
        return Page();
    }

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        // Keep what was typed in the rule form, but always the current version.
        Input.PassRule ??= Resolution.PassRule.ToString();
        Input.QuorumPercent ??= Resolution.QuorumPercent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.Version = Resolution.Version;
        return Page();
    }

    private void ShowRule()
    {
        Input.PassRule = Resolution.PassRule.ToString();
        Input.QuorumPercent = Resolution.QuorumPercent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.Version = Resolution.Version;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().AsSplitQuery().Include(r => r.Cosponsors).Include(r => r.Changes)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resolution is null) return false;
        Resolution = resolution;
        MeetingTitle = await db.Meetings.AsNoTracking().Where(m => m.Id == resolution.MeetingId).Select(m => m.Title).SingleAsync(cancellationToken);
        Committee = resolution.CommitteeId is { } committeeId
            ? await db.Bodies.AsNoTracking().Where(b => b.Id == committeeId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        Committees = await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.StandingCommittee && b.IsActive)
            .OrderBy(b => b.Name).Select(b => new CommitteeOption(b.Id, b.Name)).ToListAsync(cancellationToken);
        VoteRows = await db.Votes.AsNoTracking().Where(v => v.ResolutionId == id).OrderBy(v => v.OpenedAtUtc)
            .Select(v => new VoteRow(v.Id, v.Stage, v.IsOpen, v.OpenedAtUtc, v.OpenedBy, v.ClosedAtUtc, v.ClosedBy, v.ElectorCount,
                db.Ballots.Count(b => b.VoteId == v.Id), v.Yes, v.No, v.Abstain, v.Passed))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record CommitteeOption(int Id, string Name);

    public sealed record VoteRow(int Id, VoteStage Stage, bool IsOpen, DateTime OpenedAtUtc, string OpenedBy, DateTime? ClosedAtUtc, string? ClosedBy,
        int Electors, int Ballots, int? Yes, int? No, int? Abstain, bool? Passed);

    /// <summary>The refer form (committee) and the rule form (rule, quorum, and the version of the resolution shown).</summary>
    public sealed class InputModel
    {
        public int? CommitteeId { get; set; }

        public string? PassRule { get; set; }

        public string? QuorumPercent { get; set; }

        public Guid Version { get; set; }
    }
}
