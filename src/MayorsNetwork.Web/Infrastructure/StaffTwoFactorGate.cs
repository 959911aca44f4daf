using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Runs on every staff page after authorization: a staff or admin account without two-step verification is sent
/// to enrol first (issue 11, defect 3), so a stolen password alone never opens the staff pages. A passkey counts as
/// enrolment, but then the session must have been made with it (<see cref="TwoFactorEnrolment.CheckStaffSessionAsync"/>).
/// </summary>
public sealed class StaffTwoFactorGate(UserManager<PortalUser> users, TwoFactorEnrolment enrolment, IOptions<SecurityOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (options.Value.RequireStaffTwoFactor)
        {
            var user = await users.GetUserAsync(context.HttpContext.User);
            var check = user is null ? StaffSessionCheck.Open : await enrolment.CheckStaffSessionAsync(user, context.HttpContext.User);
            if (check == StaffSessionCheck.MustEnrol)
            {
                context.Result = new RedirectToPageResult("/Account/TwoFactor", new { required = "true" });
                return;
            }

            if (check == StaffSessionCheck.MustUsePasskey)
            {
                var request = context.HttpContext.Request;
                var back = request.Method == HttpMethods.Get ? request.PathBase + request.Path + request.QueryString : null;
                context.Result = new RedirectToPageResult("/Account/Login", new { passkey = "required", returnUrl = back });
                return;
            }
        }

        await next();
    }
}
