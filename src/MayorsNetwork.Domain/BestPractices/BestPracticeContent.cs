namespace MayorsNetwork.Domain.BestPractices;

/// <summary>What the city writes. Texts are Markdown, rendered as resolutions are (no raw HTML).</summary>
/// <param name="Actions">What the city did.</param>
/// <param name="Results">Results, with figures.</param>
public sealed record BestPracticeContent(
    string? Title,
    int? IssueAreaId,
    string? Summary,
    string? Challenge,
    string? Actions,
    string? Results,
    string? Cost,
    string? Partners,
    string? ContactName,
    string? ContactEmail);
