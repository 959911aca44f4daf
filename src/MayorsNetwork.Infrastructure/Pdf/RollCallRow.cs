namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>One elector city on a roll call: its ballot, or <see cref="NotVoted"/>.</summary>
public sealed record RollCallRow(string City, string Choice, string CastBy, string CastAs, DateTime? CastAtUtc)
{
    public const string NotVoted = "Not voted";
}
