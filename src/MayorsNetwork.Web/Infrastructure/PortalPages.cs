using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Razor Pages: routes, the staff folder's gates, input screening, TempData, antiforgery and authorization.</summary>
public static class PortalPages
{
    public static IServiceCollection AddPortalPages(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
            // After authorization: staff without two-step verification are sent to enrol (Security:RequireStaffTwoFactor).
            o.Conventions.AddFolderApplicationModelConvention("/Staff", page => page.Filters.Add(new ServiceFilterAttribute(typeof(StaffTwoFactorGate))));
        });
        // Every bound value of every page is screened for control characters and the like before a handler runs.
        services.AddSingleton<TextInputScreening>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<TextInputScreening>(TextInputScreening.Order));
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempDataProvider(
            ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mn.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddAuthorizationBuilder()
            // Secure by default: a page is for signed-in users unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}
