using MayorsNetwork.Domain.BestPractices;

namespace MayorsNetwork.Domain.Awards;

/// <summary>A winning application of a category, picked by staff, with its grant; it may link the city's published best practice.</summary>
public sealed class AwardWinner
{
    public const string NotLinkable = "award-winner.best-practice";

    private AwardWinner()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public int CategoryId { get; private set; }

    public int ApplicationId { get; private set; }

    public int MembershipId { get; private set; }

    public decimal GrantAmount { get; private set; }

    public string ChosenBy { get; private set; } = "";

    public DateTime ChosenAtUtc { get; private set; }

    /// <summary>Why staff chose otherwise than the ranking, or broke a tie; empty when the pick followed the ranking.</summary>
    public string Note { get; private set; } = "";

    public int? BestPracticeId { get; private set; }

    /// <summary>Links a best practice: it must be the winning city's own, and published.</summary>
    public RuleResult LinkBestPractice(BestPractice practice)
    {
        if (practice.MembershipId != MembershipId)
            return RuleResult.Fail(NotLinkable, "Only the winning city's own best practice can be linked.", nameof(BestPracticeId));
        if (practice.Status != BestPracticeStatus.Published)
            return RuleResult.Fail(NotLinkable, "Only a published best practice can be linked.", nameof(BestPracticeId));
        BestPracticeId = practice.Id;
        return RuleResult.Ok();
    }

    internal static AwardWinner Make(AwardCategory category, AwardApplication application, string note, string by, DateTime nowUtc) => new()
    {
        AwardCycleId = application.AwardCycleId,
        CategoryId = category.Id,
        ApplicationId = application.Id,
        MembershipId = application.MembershipId,
        GrantAmount = category.GrantAmount,
        ChosenBy = by,
        ChosenAtUtc = nowUtc,
        Note = note,
    };
}
