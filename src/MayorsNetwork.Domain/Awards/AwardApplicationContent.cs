namespace MayorsNetwork.Domain.Awards;

/// <summary>The application form: a title, a short summary and the full narrative (Markdown), plus the one PDF attachment.</summary>
/// <param name="Attachment">The PDF as stored (its content is checked to be a PDF where it is received); null keeps the current one.</param>
public sealed record AwardApplicationContent(string? Title, string? Summary, string? Narrative, AwardAttachment? Attachment);
