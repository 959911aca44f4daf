using System.Text;
using System.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Reads a posted form before anything else does (issue 11, defect 9):
/// <list type="bullet">
/// <item>a form over the server's limits (a value over 4 MB, more than 1,024 fields, a body over Kestrel's 30 MB) is
/// answered with the "too large" page (413); otherwise the first reader (the antiforgery check, model binding) fails
/// with an exception, which would be a 500 page;</item>
/// <item>a form the framework's reader refuses although it is within the limits (it refuses an encoded NUL) is read
/// here instead, so that its values reach <see cref="TextInputScreening"/> and the page says what was wrong.</item>
/// </list>
/// It runs after routing, so that a page marked <see cref="UploadLimitAttribute"/> reads its upload with its own limit.
/// </summary>
public static class OversizedForms
{
    public static IApplicationBuilder UseOversizedFormsPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (urlEncoded) request.EnableBuffering();
        // A page taking a file upload reads it with its own limit, and answers a file over it on the page (issue 14).
        var upload = urlEncoded ? null : context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>();
        upload?.Apply(context, context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value);
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (upload is not null && ex is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            // Only a body or file over the limits is "too large"; a malformed or truncated form, or one with too many
            // fields, is sent back to the page with a message of its own.
            if (UploadLimitAttribute.IsTooLarge(ex, request, upload)) UploadLimitAttribute.RedirectTooLarge(context);
            else UploadLimitAttribute.RedirectUnreadable(context);
            return;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            var form = urlEncoded && ex is InvalidDataException
                ? await ReadTolerantlyAsync(request, context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value, context.RequestAborted)
                : null;
            // The re-executed error page must not try to read the same form again.
            context.Features.Set<IFormFeature>(new FormFeature(form ?? FormCollection.Empty));
            if (form is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }

        await next(context);
    });

    /// <summary>The form read with the same limits, decoding anything that decodes (a NUL, broken UTF-8 as U+FFFD); null when over a limit.</summary>
    private static async Task<FormCollection?> ReadTolerantlyAsync(HttpRequest request, FormOptions limits, CancellationToken cancellationToken)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = HttpUtility.UrlDecode(equals < 0 ? pair : pair[..equals], Encoding.UTF8);
            var value = equals < 0 ? "" : HttpUtility.UrlDecode(pair[(equals + 1)..], Encoding.UTF8);
            if (++count > limits.ValueCountLimit || key.Length > limits.KeyLengthLimit || value.Length > limits.ValueLengthLimit) return null;
            fields[key] = fields.TryGetValue(key, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        return new FormCollection(fields);
    }
}
