using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Runs on every staff page after authorization: a staff or admin account without two-step verification is sent
/// to enrol first (issue 11, defect 3), so a stolen password alone never opens the staff pages.
/// </summary>
public sealed class StaffTwoFactorGate(UserManager<PortalUser> users, TwoFactorEnrolment enrolment, IOptions<SecurityOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (options.Value.RequireStaffTwoFactor)
        {
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is not null && !await enrolment.IsEnrolledAsync(user))
            {
                context.Result = new RedirectToPageResult("/Account/TwoFactor", new { required = "true" });
                return;
            }
        }

        await next();
    }
}
