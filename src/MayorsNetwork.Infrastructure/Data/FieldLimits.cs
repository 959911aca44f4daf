namespace MayorsNetwork.Infrastructure.Data;

/// <summary>Column lengths, shared by the model and the pages' validators.</summary>
public static class FieldLimits
{
    public const int Name = 120;
    public const int Email = 254;

    /// <summary>Identity user ids are GUID strings; room to spare.</summary>
    public const int UserId = 64;
    public const int ShortText = 40;
    public const int Reason = 2_000;
    public const int Address = 300;

    /// <summary>
    /// The city's billing CC addresses as stored: a JSON array in which EF Core escapes '+' and non-ASCII characters
    /// (<c>\u002B</c>), so five addresses of <see cref="Email"/> characters can need more than this (issue 14).
    /// </summary>
    public const int BillingCc = 2_000;
}
