using System.Security.Claims;

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
                // Version 3 adds passkeys (the context pins the same version for its model and migrations).
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
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
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // Each check builds a new principal from the database; how the session was made (a passkey, which the
            // staff gate asks for) must survive it.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var method in current.FindAll(TwoFactorEnrolment.MethodClaim))
                    {
                        if (!identity.HasClaim(TwoFactorEnrolment.MethodClaim, method.Value)) identity.AddClaim(new Claim(TwoFactorEnrolment.MethodClaim, method.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        // Passkeys (WebAuthn): the relying party is the portal's public host, so a passkey made on it is offered only
        // there. Discoverable credentials, so the sign-in page asks no email address first and reveals no accounts.
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<MembershipOptions>>((o, membership) =>
        {
            o.ServerDomain = new Uri(membership.Value.PublicUrl).Host;
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
        });
        services.AddScoped<PasskeySignIn>();
        services.AddPortalSessionLifetime();
        return services;
    }
}
