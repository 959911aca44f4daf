namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>Rules shared by the forms: names, email addresses, phone numbers, passwords.</summary>
public static class InputRules
{
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> PersonOrPlaceName<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter {what}.")
        .MaximumLength(FieldLimits.Name).WithMessage($"{Capitalise(what)} must be {FieldLimits.Name} characters or fewer.")
        .Printable(what);

    /// <summary>Text that appears on invoices must be in letters the invoice font can print.</summary>
    public static IRuleBuilderOptions<T, string?> Printable<T>(this IRuleBuilderOptions<T, string?> rule, string what) => rule
        .Must(MayorsNetwork.Infrastructure.Pdf.PrintableText.CanPrint)
        .WithMessage($"{Capitalise(what)} can use Latin letters with any accents (such as ñ, ā or ʻ), Greek or Cyrillic, but not other scripts: invoices could not print them.");

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter {what}.")
        .MaximumLength(FieldLimits.Email).WithMessage($"{Capitalise(what)} must be {FieldLimits.Email} characters or fewer.")
        .Must(IsEmail).WithMessage($"Enter {what} in the form name@example.gov.");

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, string what) => rule
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter {what}.")
        .MaximumLength(FieldLimits.ShortText).WithMessage($"{Capitalise(what)} must be {FieldLimits.ShortText} characters or fewer.")
        .Must(v => v is null || (v.Count(char.IsAsciiDigit) >= 7 && v.All(c => char.IsAsciiDigit(c) || " +-().xX".Contains(c, StringComparison.Ordinal))))
        .WithMessage($"Enter {what} with at least 7 digits, like 202-555-0143.");

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(v => !string.IsNullOrEmpty(v)).WithMessage("Choose a password.")
        .Must(v => v is null || v.Length >= PasswordMinLength).WithMessage($"Your password must be at least {PasswordMinLength} characters long. A phrase of several words is easy to remember.")
        .Must(v => v is null || v.Length <= PasswordMaxLength).WithMessage($"Your password must be {PasswordMaxLength} characters or fewer.");

    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace)) return false;
        // MimeKit parses it as the mail it goes into will: a bare address, nothing around it, a domain with a dot.
        return MimeKit.MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address == value && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Domain.Contains('.', StringComparison.Ordinal);
    }

    private static string Capitalise(string what)
    {
        var s = what.StartsWith("the ", StringComparison.Ordinal) ? what[4..] : what.StartsWith("your ", StringComparison.Ordinal) ? "Your " + what[5..] : what;
        return char.ToUpperInvariant(s[0]) + s[1..];
    }
}
