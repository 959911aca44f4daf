using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Pages.Shared;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsNetwork.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.AuthPolicy)]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, Outbox outbox, MembershipEmails emails, PortalDbContext db) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!InputRules.IsEmail(Email?.Trim()))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address in the form name@example.gov.");
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var url = Url.Page("/Account/ResetPassword", null, new { email = user.Email, code = token }, Request.Scheme)!;
            var email = emails.ResetPassword(user.FullName, url);
            outbox.Enqueue("Password reset", [user.Email!], [], email.Subject, email.Text, email.Html);
            await db.SaveChangesAsync();
        }

        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
