using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// How long a sign-in lasts (ASVS 7.3.1 and 7.3.2). The sign-in cookie expires after <c>Security:SessionIdleMinutes</c>
/// without a request (sliding: each request renews it), and whatever the activity it stops being accepted
/// <c>Security:SessionMaxHours</c> after the sign-in itself. The moment of signing in travels in the cookie's own
/// (encrypted, signed) properties, so it needs no storage and cannot be altered by the browser; refreshing the
/// sign-in (after a password change or setting up two-step verification) keeps it.
/// </summary>
public static class SessionLifetime
{
    /// <summary>The sign-in cookie's property that holds when the person signed in (round-trip UTC).</summary>
    public const string SignedInAtItem = "mn.signed-in-at";

    public static IServiceCollection AddPortalSessionLifetime(this IServiceCollection services)
    {
        // Runs after Identity's own cookie set-up, so its security stamp check is there to be wrapped, not replaced.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            var maxLifetime = TimeSpan.FromHours(security.Value.SessionMaxHours);
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.SessionIdleMinutes);

            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = context =>
            {
                if (!context.Properties.Items.ContainsKey(SignedInAtItem))
                    context.Properties.Items[SignedInAtItem] = context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                return signingIn(context);
            };

            var validatePrincipal = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.Options.TimeProvider!.GetUtcNow();
                if (!context.Properties.Items.ContainsKey(SignedInAtItem))
                {
                    // A cookie from before this rule: its session counts from when it was issued, and it is re-issued
                    // with that time so that renewing it cannot push the limit further.
                    context.Properties.Items[SignedInAtItem] = (context.Properties.IssuedUtc ?? now).ToString("O", CultureInfo.InvariantCulture);
                    context.ShouldRenew = true;
                }

                if (now - SignedInAt(context.Properties) >= maxLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name);
                    return;
                }

                await validatePrincipal(context);
            };
        });
        return services;
    }

    private static DateTimeOffset SignedInAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.Items[SignedInAtItem], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
}
