using Microsoft.AspNetCore.Diagnostics;

namespace MayorsNetwork.Web.Pages;

/// <summary>Every error status in words: the re-executed target of status code pages and the exception handler.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PortalPageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>For a server error, the request's id: the log holds the error under it, so a user can quote it.</summary>
    public string? RequestId { get; private set; }

    public void OnGet([FromRoute] int? code) => Describe(code);

    // A failed POST is re-executed as a POST, with its form; it must render the same page, never run
    // anything. The status comes from the address only: a form field named "code" must not choose it.
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Direct visits (no original request) show as 404, so the page leaks nothing.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = failed is not null ? 500 : original is not null ? code ?? 500 : 404;
        Response.StatusCode = Code;
        // The same request (re-executed), so the same id as the log's request line with the exception.
        RequestId = Code >= 500 ? HttpContext.TraceIdentifier : null;
        (Heading, Message) = Code switch
        {
            400 => ("Your form could not be accepted", "The form had expired or was not sent by this site, so nothing was saved. Go back, reload the page and submit it again."),
            403 => ("Not allowed", "Your account cannot open this page."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Your form is too large", "The form was larger than this site accepts, so nothing was saved. Shorten what you typed and submit it again."),
            429 => ("Too many attempts", $"You have tried too many times in a short while. Wait {RetryAfter()} and try again."),
            _ => ("Something went wrong", "We could not complete your request, and nothing was changed. Please try again in a moment; if it keeps happening, write to us."),
        };
    }

    private string RetryAfter() =>
        int.TryParse(Response.Headers.RetryAfter, out var seconds) ? $"{seconds} seconds" : "a minute";
}
