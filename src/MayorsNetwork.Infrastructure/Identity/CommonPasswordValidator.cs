using Microsoft.AspNetCore.Identity;

namespace MayorsNetwork.Infrastructure.Identity;

/// <summary>
/// Refuses passwords that are common or trivially guessable (ASVS 2.1.7), using zxcvbn's dictionaries of
/// common passwords, names and words. Length is checked by Identity's own options; there are no
/// composition rules, as ASVS asks.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    /// <summary>zxcvbn's score (0–4) below which a password is refused.</summary>
    private const int MinimumScore = 2;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var userInputs = new[] { user.Email ?? "", user.UserName ?? "", user.FullName }
            .Where(s => s.Length > 0).ToArray();
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, userInputs);
        return Task.FromResult(result.Score < MinimumScore
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or easy to guess. Try a longer phrase of several unrelated words.",
            })
            : IdentityResult.Success);
    }
}
