using Microsoft.AspNetCore.Http.Features;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Marks a page that takes a file upload of at most <see cref="MaxFileBytes"/>. <see cref="OversizedForms"/> reads its
/// multipart form with that limit (and the request body with it plus <see cref="Envelope"/> for the other fields), so
/// a larger file is refused after at most that many bytes, by its declared length before any is read; and instead of
/// the "too large" error page the browser is sent back to the page with <c>?tooLarge=true</c>, which says so by the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long maxFileBytes) : Attribute
{
    /// <summary>Room for the form's other fields (antiforgery token, choices) and the multipart headers.</summary>
    public const long Envelope = 64 * 1024;

    public const string TooLargeQuery = "tooLarge";

    /// <summary>The query that says the posted form could not be read (malformed, truncated, too many fields).</summary>
    public const string UnreadableQuery = "unreadable";

    public const string UnreadableMessage = "The upload could not be read: the form arrived incomplete or malformed, so nothing was uploaded. Choose the PDF file and upload it again.";

    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>Applies the limits to this request before its form is read.</summary>
    public void Apply(HttpContext context, FormOptions defaults)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = MaxFileBytes + Envelope;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = MaxFileBytes,
            ValueCountLimit = defaults.ValueCountLimit,
            ValueLengthLimit = defaults.ValueLengthLimit,
            KeyLengthLimit = defaults.KeyLengthLimit,
            MemoryBufferThreshold = defaults.MemoryBufferThreshold,
        }));
    }

    /// <summary>
    /// Whether reading the form failed on a size limit: the request body over Kestrel's limit (413), the multipart body
    /// over <see cref="MaxFileBytes"/>, or a declared length over it. Other failures are a malformed form.
    /// </summary>
    public static bool IsTooLarge(Exception ex, HttpRequest request, UploadLimitAttribute limit) =>
        ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (ex is InvalidDataException && ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        || request.ContentLength > limit.MaxFileBytes + Envelope;

    /// <summary>Sends the browser back to the page (a GET) that says the form could not be read; nothing was stored.</summary>
    public static void RedirectUnreadable(HttpContext context) => RedirectWith(context, UnreadableQuery);

    /// <summary>Sends the browser back to the page (a GET) that says the file was too large; nothing was read or stored.</summary>
    public static void RedirectTooLarge(HttpContext context) => RedirectWith(context, TooLargeQuery);

    private static void RedirectWith(HttpContext context, string query)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}?{query}=true";
    }
}
