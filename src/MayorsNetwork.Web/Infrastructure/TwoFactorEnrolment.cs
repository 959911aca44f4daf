using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Whether an account has a second factor: an authenticator app turned on.</summary>
public sealed class TwoFactorEnrolment(UserManager<PortalUser> users)
{
    public Task<bool> IsEnrolledAsync(PortalUser user) => users.GetTwoFactorEnabledAsync(user);
}
