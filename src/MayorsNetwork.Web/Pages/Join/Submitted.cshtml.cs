using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Pages.Join;

/// <summary>Shown after an application is stored: what happens next.</summary>
[AllowAnonymous]
public sealed class SubmittedModel(IOptions<MembershipOptions> options) : PageModel
{
    public string? Government { get; private set; }

    public string? Email { get; private set; }

    public string MembershipEmail => options.Value.MembershipEmail;

    public void OnGet()
    {
        Government = TempData["Applied.Government"] as string;
        Email = TempData["Applied.Email"] as string;
    }
}
