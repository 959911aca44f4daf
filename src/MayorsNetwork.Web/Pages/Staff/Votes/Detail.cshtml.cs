using MayorsNetwork.Infrastructure.Pdf;
using MayorsNetwork.Web.Pages.Votes;

namespace MayorsNetwork.Web.Pages.Staff.Votes;

/// <summary>
/// A vote for staff: who opened it and when, the live counts, the button that closes it (the result is computed
/// then, never typed in), who closed it and when, and the audit of every ballot: the city, its choice, the person
/// who cast it, as delegate or alternate, and the time, in the order they were cast, then the electors that
/// have not voted.
/// </summary>
public sealed class DetailModel(UserManager<PortalUser> users, BallotBox ballots, LiveTally tally, VoteResults results) : PortalPageModel
{
    public VoteSummary Vote { get; private set; } = null!;

    public TallyView Counts { get; private set; } = null!;

    /// <summary>Ballots in the order they were cast.</summary>
    public IReadOnlyList<RollCallRow> Ballots { get; private set; } = [];

    /// <summary>Elector cities with no ballot, by name.</summary>
    public IReadOnlyList<string> NotVoted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await results.SummaryAsync(id, cancellationToken) is null) return NotFound();
        var staff = await users.GetUserAsync(User);
        var outcome = await ballots.CloseAsync(id, staff?.Id, string.IsNullOrWhiteSpace(staff?.FullName) ? "Staff" : staff.FullName, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (_, message) in outcome.Errors) ModelState.AddModelError("", message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var closed = (await results.SummaryAsync(id, cancellationToken))!;
        StatusMessage = $"The vote is closed: {closed.Outcome}. {closed.Explanation}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote || await tally.ReadAsync(id, cancellationToken) is not { } counts) return false;
        Vote = vote;
        Counts = counts;
        var roll = await results.RollCallAsync(id, cancellationToken);
        Ballots = roll.Where(r => r.CastAtUtc is not null).OrderBy(r => r.CastAtUtc).ThenBy(r => r.City, StringComparer.Ordinal).ToList();
        NotVoted = roll.Where(r => r.CastAtUtc is null).Select(r => r.City).ToList();
        return true;
    }
}
