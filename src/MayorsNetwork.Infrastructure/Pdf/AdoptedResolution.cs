using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>An adopted resolution as the policy report prints it.</summary>
public sealed record AdoptedResolution(int Id, string Title, string Sponsor, IReadOnlyList<string> Cosponsors, Tally? Plenary, DateTime? AdoptedAtUtc, IReadOnlyList<TextBlock> Text);
