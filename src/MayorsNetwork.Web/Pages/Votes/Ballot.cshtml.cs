using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// A mayor's ballot, made for a phone: for each city the signed-in person may cast for (their own city as its
/// delegate, any city naming them its alternate), Yes, No or Abstain and one button. A ballot is final: once the
/// city has voted the page shows what it voted, who cast it and when. Every refusal (already voted, closed, not
/// an elector, not their city, no choice) is explained on the page and records nothing.
/// </summary>
public sealed class BallotModel(PortalDbContext db, UserManager<PortalUser> users, BallotBox ballots, VoteResults results) : PortalPageModel
{
    public VoteSummary Vote { get; private set; } = null!;

    public IReadOnlyList<CityBallot> Cities { get; private set; } = [];

    /// <summary>Why the person has no city to vote for, when they have none.</summary>
    public string? NoBallotReason { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return await LoadAsync(id, user, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var choice = ParseChoice(Input.Choice);
        if (choice is null || Input.MembershipId is not { } membershipId)
        {
            if (!await LoadAsync(id, user, cancellationToken)) return NotFound();
            // The message sits at the city's fieldset when the city is one of this person's, else at the top.
            var at = Input.MembershipId is { } posted && Cities.Any(c => c.MembershipId == posted) ? FieldId(posted) : "";
            ModelState.AddModelError(at, choice is null
                ? "Choose Yes, No or Abstain, then press the button to cast the city's ballot. Nothing was recorded."
                : "Choose the city you are voting for. Nothing was recorded.");
            return Page();
        }

        var outcome = await ballots.CastAsync(id, membershipId, choice.Value, user, cancellationToken);
        if (outcome.Result == CastResult.NoSuchVote) return NotFound();
        if (outcome.Recorded)
        {
            StatusMessage = outcome.Message;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id, user, cancellationToken)) return NotFound();
        ModelState.AddModelError(Cities.Any(c => c.MembershipId == membershipId) ? FieldId(membershipId) : "", outcome.Message);
        // The page explains; the status says what kind of refusal it was.
        Response.StatusCode = outcome.Result switch
        {
            CastResult.AlreadyVoted or CastResult.Closed => StatusCodes.Status409Conflict,
            CastResult.NotYourCity or CastResult.NotAnElector => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>"Yes", "No" or "Abstain" (any case); numbers and anything else are no choice.</summary>
    public static BallotChoice? ParseChoice(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<BallotChoice>(value.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;

    /// <summary>The id of a city's fieldset, which the error summary links to.</summary>
    public static string FieldId(int membershipId) => $"city-{membershipId}";

    private async Task<bool> LoadAsync(int id, PortalUser user, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote) return false;
        Vote = vote;
        var cities = await ballots.CitiesForAsync(id, user, cancellationToken);
        var ids = cities.Select(c => c.MembershipId).ToList();
        var cast = await db.Ballots.AsNoTracking().Where(b => b.VoteId == id && ids.Contains(b.MembershipId))
            .ToDictionaryAsync(b => b.MembershipId, cancellationToken);
        Cities = cities.Select(c => new CityBallot(c.MembershipId, c.City, c.CastAs, cast.GetValueOrDefault(c.MembershipId))).ToList();
        if (Cities.Count == 0) NoBallotReason = await ballots.WhyNoBallotAsync(id, user, cancellationToken);
        return true;
    }

    public sealed record CityBallot(int MembershipId, string City, CastAs CastAs, Ballot? Ballot);

    /// <summary>One city's ballot form: the city (its membership) and Yes, No or Abstain.</summary>
    public sealed class InputModel
    {
        public int? MembershipId { get; set; }

        public string? Choice { get; set; }
    }
}
