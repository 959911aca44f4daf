
namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// "Your dues next year" on /account (issue 14): next year's dues estimate for the signed-in person's city, linking to
/// /account/budget. Nothing for an account not linked to a city. A component, so that /account's own model is untouched.
/// </summary>
public sealed class NextYearDuesViewComponent(PortalDbContext db, BudgetNotices notices) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var governmentId = await db.GovernmentIdAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return governmentId is { } id ? View(await notices.EstimateAsync(id, HttpContext.RequestAborted)) : Content("");
    }
}
