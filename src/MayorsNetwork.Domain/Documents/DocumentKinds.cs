namespace MayorsNetwork.Domain.Documents;

/// <summary>How each <see cref="DocumentKind"/> is named to people and in addresses.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKind> All = [DocumentKind.W9, DocumentKind.AchForm];

    /// <summary>The name people read: "W-9", "ACH/remittance form".</summary>
    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.W9 => "W-9",
        DocumentKind.AchForm => "ACH/remittance form",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The part of a download's address and file name: "w-9", "ach-form".</summary>
    public static string Slug(DocumentKind kind) => kind switch
    {
        DocumentKind.W9 => "w-9",
        DocumentKind.AchForm => "ach-form",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static DocumentKind? FromSlug(string? slug) =>
        All.Cast<DocumentKind?>().FirstOrDefault(k => string.Equals(Slug(k!.Value), slug, StringComparison.OrdinalIgnoreCase));
}
