using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Infrastructure.Data;
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
public sealed class ResendConfirmationModel(UserManager<PortalUser> users, Outbox outbox, MembershipEmails emails, PortalLinks links, PortalDbContext db) : PortalPageModel
{
    [BindProperty]
    public string? Email { get; set; }

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
        if (user is not null && !user.EmailConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var email = emails.ConfirmEmail(user.FullName, links.ConfirmEmail(user.Id, token));
            outbox.Enqueue("Email confirmation", [user.Email!], [], email.Subject, email.Text, email.Html);
            await db.SaveChangesAsync();
        }

        // The same answer whether or not the address has an account.
        StatusMessage = "If that address has an account waiting for confirmation, we have sent a new link to it.";
        return RedirectToPage("/Account/Login");
    }
}
