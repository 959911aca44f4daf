namespace MayorsNetwork.Infrastructure.Email;

/// <summary>One email, with a plain-text and an HTML body and a stable Message-ID.</summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string TextBody,
    string HtmlBody,
    string MessageId)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
