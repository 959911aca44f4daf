namespace MayorsNetwork.Web.Infrastructure;

/// <summary>The request pipeline, in order.</summary>
public static class PortalPipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First, so that everything after it (rate limits, logs, Secure cookies) sees the client's address and scheme.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled) app.UseForwardedHeaders();
        app.UseExceptionHandler("/error/500");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UsePortalRequestLog();
        // Outside Development cookies are Secure: a request over plain HTTP gets a page saying HTTPS is needed (health checks excepted).
        if (!app.Environment.IsDevelopment()) app.UseMiddleware<PlainHttpRefusal>();
        app.UseResponseCompression();
        // Figures and dates read the American way whatever the server's locale.
        app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("en-US").AddSupportedCultures("en-US").AddSupportedUICultures("en-US"));
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles(StaticFileCaching.Options());
        app.UseRouting();
        // Before anything reads a form: one over the limits is the "too large" page, not an exception. After routing,
        // so that an upload page's own limit (UploadLimitAttribute) applies.
        app.UseOversizedFormsPage();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so that the cache knows who is signed in (and serves them nothing from it).
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Unknown addresses are a 404 page for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
