using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Accounts made directly through Identity's UserManager, each with an address of its own.</summary>
public static class TestAccounts
{
    public static async Task<string> CreateAsync(PortalFixture portal, string fullName = "Dana Mayor", bool confirmed = true, string password = PortalFixture.Password)
    {
        var email = $"person-{Guid.NewGuid():N}@city.example.gov";
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = confirmed, FullName = fullName, CreatedAtUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });
        return email;
    }

    public static Task<PortalUser> FindAsync(PortalFixture portal, string email) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    public static Dictionary<string, string?> Login(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    /// <summary>Presses "Sign out" in the page header: a POST carrying that page's antiforgery token.</summary>
    public static async Task<PageResult> SignOutAsync(PortalClient client)
    {
        var page = await client.GetAsync("/account");
        return await client.SubmitAsync(page, new Dictionary<string, string?>(), "header form.nav-form");
    }
}
