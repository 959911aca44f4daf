using System.Buffers.Text;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// One place for an account's security: password, two-step verification, passkeys, and signing out other devices.
/// A passkey is added in two steps: the browser asks for creation options (a POST with the form's token, answered
/// with JSON), makes the credential, and the form posts it back to <see cref="OnPostAddPasskeyAsync"/>.
/// </summary>
public sealed class SecurityModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountNotices notices) : AccountPageModel(users)
{
    public const int PasskeyNameMaxLength = 60;

    /// <summary>Enough for every device a person uses; a bound, so one account cannot fill the table.</summary>
    public const int MaxPasskeys = 10;

    public const string NotYours = "That passkey is not on your account.";

    public bool TwoFactorEnabled { get; private set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>A new security stamp ends every other session at its next check; this one is signed in again.</summary>
    public Task<IActionResult> OnPostSignOutOthersAsync() => ForAccountAsync(async user =>
    {
        await Users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Every other device signed in to your account is signed out (within five minutes).";
        return RedirectToPage();
    });

    /// <summary>
    /// The WebAuthn creation options for this account, as JSON for the browser. Identity keeps the challenge in a
    /// short-lived cookie of its own, which <see cref="OnPostAddPasskeyAsync"/> checks the answer against.
    /// </summary>
    public Task<IActionResult> OnPostPasskeyCreationOptionsAsync() => ForAccountAsync(async user =>
    {
        var entity = new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.UserName ?? user.Id, DisplayName = user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id };
        var json = await signIn.MakePasskeyCreationOptionsAsync(entity);
        return Content(json, "application/json");
    });

    public Task<IActionResult> OnPostAddPasskeyAsync() => ForAccountAsync(async user =>
    {
        var name = ValidName(Input.PasskeyName, "Input.PasskeyName");
        var existing = await Users.GetPasskeysAsync(user);
        if (existing.Count >= MaxPasskeys) ModelState.AddModelError("", $"An account can have up to {MaxPasskeys} passkeys. Remove one you no longer use first.");
        if (string.IsNullOrEmpty(Input.CredentialJson))
        {
            ModelState.AddModelError("", Input.PasskeyError is { Length: > 0 }
                ? "Your browser made no passkey. If you cancelled, try again; otherwise your browser or device may not support passkeys."
                : "Adding a passkey needs JavaScript and a browser that supports passkeys.");
        }

        if (!ModelState.IsValid) return await PageAsync(user);

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(Input.CredentialJson!);
        }
        catch (Exception e) when (e is InvalidOperationException or PasskeyException or System.Text.Json.JsonException or FormatException)
        {
            // No ceremony under way (the options were never asked for, or expired): nothing to check the answer against.
            ModelState.AddModelError("", "That passkey could not be added. Please try again.");
            return await PageAsync(user);
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            ModelState.AddModelError("", "That passkey could not be added. Please try again.");
            return await PageAsync(user);
        }

        var passkey = attestation.Passkey;
        passkey.Name = name;
        var added = await Users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("", "That passkey could not be added. Please try again.");
            return await PageAsync(user);
        }

        await notices.PasskeyAddedAsync(user, name!);
        StatusMessage = $"Passkey \u201c{name}\u201d added. You can now sign in with it.";
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostRenamePasskeyAsync() => ForAccountAsync(async user =>
    {
        var passkey = await OwnPasskeyAsync(user);
        var name = ValidName(Input.NewName, ""); // one rename field per passkey: the message goes to the summary
        if (passkey is null || !ModelState.IsValid) return await PageAsync(user);

        var old = passkey.Name;
        passkey.Name = name;
        await Users.AddOrUpdatePasskeyAsync(user, passkey);
        StatusMessage = $"Passkey \u201c{old}\u201d is now called \u201c{name}\u201d.";
        return RedirectToPage();
    });

    /// <summary>
    /// Removes one of the account's own passkeys. The security stamp changes, so a session someone made with it
    /// elsewhere ends at its next check; this one is signed in again.
    /// </summary>
    public Task<IActionResult> OnPostRemovePasskeyAsync() => ForAccountAsync(async user =>
    {
        var passkey = await OwnPasskeyAsync(user);
        if (passkey is null) return await PageAsync(user);

        await Users.RemovePasskeyAsync(user, passkey.CredentialId);
        await Users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await notices.PasskeyRemovedAsync(user, passkey.Name ?? "Passkey");
        StatusMessage = $"Passkey \u201c{passkey.Name}\u201d removed. It can no longer sign in to your account.";
        return RedirectToPage();
    });

    /// <summary>The passkey named by <see cref="InputModel.PasskeyId"/>, only if it is this account's; otherwise a message.</summary>
    private async Task<UserPasskeyInfo?> OwnPasskeyAsync(PortalUser user)
    {
        var id = DecodeId(Input.PasskeyId);
        var passkey = id is null ? null : await Users.GetPasskeyAsync(user, id);
        if (passkey is null) ModelState.AddModelError("", NotYours);
        return passkey;
    }

    private static byte[]? DecodeId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2048) return null;
        try
        {
            return Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string? ValidName(string? typed, string field)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError(field, "Give the passkey a name, such as the device it is on.");
        else if (name.Length > PasskeyNameMaxLength) ModelState.AddModelError(field, $"A passkey's name must be {PasskeyNameMaxLength} characters or fewer.");
        else if (name.Any(char.IsControl)) ModelState.AddModelError(field, "A passkey's name must be one line of text.");
        return name;
    }

    protected override async Task LoadAsync(PortalUser user)
    {
        TwoFactorEnabled = await Users.GetTwoFactorEnabledAsync(user);
        Passkeys = (await Users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))
            .ToList();
    }

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    /// <summary>The fields of the passkey forms: add (name and credential), rename (id and new name), remove (id).</summary>
    public sealed class InputModel
    {
        /// <summary>The name for a new passkey.</summary>
        public string? PasskeyName { get; set; }

        /// <summary>The new name of a passkey being renamed.</summary>
        public string? NewName { get; set; }

        /// <summary>What navigator.credentials.create() returned, as JSON; filled in by passkeys.js.</summary>
        public string? CredentialJson { get; set; }

        /// <summary>Why the browser made no passkey (the person cancelled, or the browser cannot), from passkeys.js.</summary>
        public string? PasskeyError { get; set; }

        /// <summary>The passkey to rename or remove: its credential id, base64url.</summary>
        public string? PasskeyId { get; set; }
    }
}
