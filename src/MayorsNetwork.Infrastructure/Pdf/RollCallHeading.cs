using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>What the roll call's first page says about the vote.</summary>
public sealed record RollCallHeading(string ResolutionTitle, string Stage, string Meeting, string Rule, string Outcome, string Explanation, Tally Tally, DateTime ClosedAtUtc);
