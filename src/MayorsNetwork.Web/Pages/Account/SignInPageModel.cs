using Microsoft.AspNetCore.RateLimiting;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// The pages a person uses before they are signed in: signing in, the second step, and the password and confirmation
/// links. Open to anyone, and rate-limited per client as one policy, so that guessing is slow on all of them.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.AuthPolicy)]
public abstract class SignInPageModel : PortalPageModel
{
}
