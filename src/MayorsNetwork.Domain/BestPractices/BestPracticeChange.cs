namespace MayorsNetwork.Domain.BestPractices;

/// <summary>One move of a best practice's status, with who, when and the note (a return's note is shown to the city).</summary>
public sealed class BestPracticeChange
{
    private BestPracticeChange()
    {
    }

    public long Id { get; set; }

    public int BestPracticeId { get; private set; }

    public BestPracticeStatus? From { get; private set; }

    public BestPracticeStatus To { get; private set; }

    public string? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public string Note { get; private set; } = "";

    internal static BestPracticeChange Make(int practiceId, BestPracticeStatus? from, BestPracticeStatus to, BestPracticeActor by, string note, DateTime nowUtc) => new()
    {
        BestPracticeId = practiceId,
        From = from,
        To = to,
        ByUserId = by.UserId,
        ByName = by.Name,
        AtUtc = nowUtc,
        Note = note,
    };
}
