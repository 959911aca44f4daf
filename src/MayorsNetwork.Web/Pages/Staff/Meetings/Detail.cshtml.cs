using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>
/// One meeting: staff credential Active member cities (the mayor as delegate, optionally one alternate) and
/// check them in when they arrive. One credential per city per meeting, enforced by a unique index.
/// </summary>
public sealed class DetailModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<DetailModel.CredentialInput> validator)
    : PortalPageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<CredentialRow> Credentials { get; private set; } = [];

    /// <summary>Active member cities not yet credentialed for this meeting.</summary>
    public IReadOnlyList<CityOption> Cities { get; private set; } = [];

    [BindProperty]
    public CredentialInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCredentialAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();

        Membership? membership = null;
        if (Input.MembershipId is not { } membershipId ||
            (membership = await db.Memberships.Include(m => m.Government).FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)) is null)
        {
            ModelState.AddModelError("Input.MembershipId", "Choose the city to credential.");
        }
        else if (Credential.Refusal(membership.Status) is { } refusal)
        {
            ModelState.AddModelError("Input.MembershipId", $"{membership.Government.Name}, {membership.Government.State}: {refusal}");
        }
        else if (await db.Credentials.AnyAsync(c => c.MeetingId == id && c.MembershipId == membership.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.MembershipId", AlreadyCredentialed(membership));
        }

        validator.Validate(Input).AddTo(ModelState);
        var alternateName = CredentialInput.Tidy(Input.AlternateName);
        var alternateEmail = CredentialInput.Tidy(Input.AlternateEmail);
        if (membership is not null && string.IsNullOrWhiteSpace(membership.Government.Mayor.Name))
            ModelState.AddModelError("Input.MembershipId", $"{membership.Government.Name} has no mayor on file; add the mayor's name to the city first.");

        if (!ModelState.IsValid || membership is null) return Page();

        var staff = await users.GetUserAsync(User);
        var credential = new Credential
        {
            MeetingId = id,
            MembershipId = membership.Id,
            DelegateName = membership.Government.Mayor.Name,
            AlternateName = alternateName,
            AlternateEmail = alternateEmail,
            CredentialedBy = staff?.FullName ?? "Staff",
            CredentialedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Credentials.Add(credential);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another staff member credentialed the city a moment ago (the unique index); theirs stands.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.MembershipId", AlreadyCredentialed(membership));
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        StatusMessage = $"{membership.Government.Name}, {membership.Government.State} is credentialed for {Meeting.Title}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCheckInAsync(int id, int credentialId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var row = Credentials.FirstOrDefault(c => c.Id == credentialId);
        if (row is null) return NotFound();

        var staff = await users.GetUserAsync(User);
        var by = staff?.FullName ?? "Staff";
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the first check-in counts: the condition makes two clicks at once record one.
        var changed = await db.Credentials.Where(c => c.Id == credentialId && c.MeetingId == id && c.CheckedInAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInAtUtc, now).SetProperty(c => c.CheckedInBy, by), cancellationToken);
        StatusMessage = changed == 1
            ? $"{row.City} is checked in."
            : $"{row.City} was already checked in; the first check-in stands.";
        return RedirectToPage(new { id });
    }

    private static string AlreadyCredentialed(Membership membership) =>
        $"{membership.Government.Name}, {membership.Government.State} is already credentialed for this meeting.";

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return false;
        Meeting = meeting;
        Credentials = await db.Credentials.AsNoTracking().Where(c => c.MeetingId == id)
            .OrderBy(c => c.Membership.Government.Name).ThenBy(c => c.Id)
            .Select(c => new CredentialRow(c.Id, c.Membership.Government.Name + ", " + c.Membership.Government.State, c.DelegateName,
                c.AlternateName, c.AlternateEmail, c.CredentialedBy, c.CredentialedAtUtc, c.CheckedInAtUtc, c.CheckedInBy))
            .ToListAsync(cancellationToken);
        Cities = await db.Memberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Active && !db.Credentials.Any(c => c.MeetingId == id && c.MembershipId == m.Id))
            .OrderBy(m => m.Government.Name).ThenBy(m => m.Government.State)
            .Select(m => new CityOption(m.Id, m.Government.Name + ", " + m.Government.State, m.Government.Mayor.Name))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed class CredentialInput
    {
        public int? MembershipId { get; set; }

        public string? AlternateName { get; set; }

        public string? AlternateEmail { get; set; }

        /// <summary>A value as stored: trimmed, or null when nothing was typed.</summary>
        public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The alternate's fields; which cities may be credentialed is the page's check against the database.</summary>
    public sealed class CredentialValidator : AbstractValidator<CredentialInput>
    {
        public CredentialValidator()
        {
            RuleFor(x => x.AlternateName)
                .Must(n => CredentialInput.Tidy(n) is not { Length: > Credential.NameMaxLength })
                .WithMessage($"The alternate's name can be at most {Credential.NameMaxLength} characters.")
                .Must((input, n) => CredentialInput.Tidy(n) is not null || CredentialInput.Tidy(input.AlternateEmail) is null)
                .WithMessage("Enter the alternate's name, or leave the email empty too.");
            RuleFor(x => x.AlternateEmail)
                .Must((input, e) => CredentialInput.Tidy(input.AlternateName) is null
                                    || (CredentialInput.Tidy(e) is { } email && email.Length <= FieldLimits.Email && InputRules.IsEmail(email)))
                .WithMessage("Enter the alternate's email address, like name@city.gov.");
        }
    }

    public sealed record CityOption(int MembershipId, string City, string Mayor);

    public sealed record CredentialRow(int Id, string City, string DelegateName, string? AlternateName, string? AlternateEmail,
        string CredentialedBy, DateTime CredentialedAtUtc, DateTime? CheckedInAtUtc, string? CheckedInBy);
}
