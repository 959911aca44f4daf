using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Identity: password, lockout and confirmation rules, and the sign-in cookie.</summary>
public static class AccountServices
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // ASVS 2.1: length, not composition; common passwords refused by CommonPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "mn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/accessdenied";
            // How long a session lasts (idle and absolute): SessionLifetime, from Security:SessionIdleMinutes and SessionMaxHours.
            // A signed-in person refused a page gets 403 at the address they asked for (the status code page
            // says "Not allowed"), not a redirect: the cookie handler's default sent them to a path with no page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddPortalSessionLifetime();
        return services;
    }
}
