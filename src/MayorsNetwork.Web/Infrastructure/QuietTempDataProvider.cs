using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The cookie TempData provider, without the cookie deletion it sends on every page: the layout reads the status
/// message on each request, and with nothing to keep the framework's provider answers "Set-Cookie: …; expires=1970"
/// even when the browser sent no such cookie. That header made every page uncacheable (the output cache refuses
/// responses that set cookies) and is a wasted header on each response. A deletion is still sent when there is a
/// cookie to delete.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!)) return;
        inner.SaveTempData(context, values);
    }
}
