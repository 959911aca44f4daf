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
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, Outbox outbox, MembershipEmails emails, PortalLinks links, PortalDbContext db) : PortalPageModel
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
            // The link's host is Membership:PublicUrl, never this request's Host header.
            var email = emails.ResetPassword(user.FullName, links.ResetPassword(user.Email!, token));
            outbox.Enqueue("Password reset", [user.Email!], [], email.Subject, email.Text, email.Html);
            await db.SaveChangesAsync();
        }

        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
