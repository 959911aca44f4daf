namespace MayorsNetwork.Domain.Members;

/// <summary>A city, county, town or Tribal nation: the member. Represented by its chief elected official.</summary>
public sealed class Government : IGovernmentDetails
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Name folded for duplicate checks (case, accents and spacing ignored); unique with the state.</summary>
    public required string NameKey { get; set; }

    public GovernmentKind Kind { get; set; }

    /// <summary>USPS two-letter code.</summary>
    public required string State { get; set; }

    public int Population { get; set; }

    public int CensusYear { get; set; }

    public string MayorTitle { get; set; } = "Mayor";

    public Contact Mayor { get; set; } = new();

    public DateOnly? MayorTermEnds { get; set; }

    public Contact Liaison { get; set; } = new();

    public Contact Billing { get; set; } = new();

    /// <summary>Where invoices are addressed: street, city, state and ZIP, on separate lines.</summary>
    public string BillingAddress { get; set; } = "";

    /// <summary>The city's standing vendor (supplier) number for the association, printed on every invoice issued to it (issue 14).</summary>
    public string? VendorNumber { get; set; }

    public Membership? Membership { get; set; }

    /// <summary>At most this many CC addresses receive the city's billing mail besides its billing contact (issue 14).</summary>
    public const int MaxBillingCc = 5;

    /// <summary>Addresses copied on every billing email (invoices, reminders, receipts), besides the billing contact and the mayor.</summary>
    public List<string> BillingCc { get; set; } = [];

    /// <summary>Changes whenever the billing contact or the CC addresses change, so an edit made from an older page is refused.</summary>
    public Guid BillingContactsVersion { get; set; } = Guid.NewGuid();

    /// <summary>The city's mayor and liaison edit its billing contacts (issue 14); anyone else acting for the city may only look.</summary>
    public bool MayEditBillingContacts(string? accountEmail) =>
        !string.IsNullOrWhiteSpace(accountEmail) &&
        (accountEmail.Trim().Equals(Mayor.Email.Trim(), StringComparison.OrdinalIgnoreCase) ||
         accountEmail.Trim().Equals(Liaison.Email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Sets the billing contact and the CC addresses (trimmed; blank ones dropped). At most <see cref="MaxBillingCc"/> CCs,
    /// none twice (case ignored) and none the billing contact's own address; a refusal changes nothing. Returns the
    /// changes to record, one per field that changed (none when nothing did).
    /// </summary>
    public RuleResult<IReadOnlyList<BillingContactChange>> ChangeBillingContacts(Contact billing, IEnumerable<string?> cc, BillingContactEditor by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(billing);
        ArgumentNullException.ThrowIfNull(cc);
        ArgumentNullException.ThrowIfNull(by);
        var next = new Contact { Name = billing.Name.Trim(), Email = billing.Email.Trim(), Phone = billing.Phone.Trim() };
        var copies = cc.Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).ToList();
        var errors = new List<RuleError>();
        if (next.Email.Length == 0) errors.Add(new RuleError("billing.email.missing", "Enter the billing contact's email address.", "Email"));
        if (copies.Count > MaxBillingCc)
            errors.Add(new RuleError("billing.cc.too-many", $"At most {MaxBillingCc} CC addresses receive billing email; you entered {copies.Count}.", "Cc"));
        var twice = copies.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            errors.Add(new RuleError("billing.cc.duplicate", $"{string.Join(", ", twice)} is listed more than once; list each address once.", "Cc"));
        var own = copies.FirstOrDefault(a => a.Equals(next.Email, StringComparison.OrdinalIgnoreCase));
        if (own is not null && next.Email.Length > 0)
            errors.Add(new RuleError("billing.cc.is-billing-contact", $"{own} is the billing contact's own address, which receives every billing email already; remove it from the CC addresses.", "Cc"));
        if (errors.Count > 0) return RuleResult.Fail<IReadOnlyList<BillingContactChange>>(errors);

        var changes = new List<BillingContactChange>();
        void Compare(string field, string before, string after)
        {
            if (before == after) return;
            changes.Add(new BillingContactChange
            {
                GovernmentId = Id, Field = field, Before = before, After = after,
                AtUtc = nowUtc, ByUserId = by.UserId, ByName = by.Name, ByEmail = by.Email,
            });
        }

        Compare("Billing contact name", Billing.Name, next.Name);
        Compare("Billing contact email", Billing.Email, next.Email);
        Compare("Billing contact phone", Billing.Phone, next.Phone);
        Compare("CC addresses", string.Join(", ", BillingCc), string.Join(", ", copies));
        if (changes.Count == 0) return RuleResult.Ok<IReadOnlyList<BillingContactChange>>(changes);

        Billing = next;
        BillingCc = copies;
        BillingContactsVersion = Guid.NewGuid();
        return RuleResult.Ok<IReadOnlyList<BillingContactChange>>(changes);
    }

    /// <summary>
    /// Takes every detail an applicant gives (name, kind, population and census year, mayor, liaison, billing
    /// contact and address) from <paramref name="details"/>, a government as typed or a re-application's proposal;
    /// the identity (id, state) and the membership stay.
    /// </summary>
    public void UpdateFrom(IGovernmentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        details.CopyTo(this);
        NameKey = KeyFor(Name);
    }

    /// <summary>Sets the standing vendor number (<see cref="Invoices.BillingReference"/>'s rules; empty clears it). A bad value changes nothing.</summary>
    public RuleResult SetVendorNumber(string? vendorNumber)
    {
        var parsed = Invoices.BillingReference.ParseVendorNumber(vendorNumber);
        if (!parsed.Succeeded) return RuleResult.Fail(parsed.Errors);
        VendorNumber = parsed.Value;
        return RuleResult.Ok();
    }

    /// <summary>Folds a name for comparison: trimmed, inner spaces collapsed, case and accents ignored.</summary>
    public static string KeyFor(string name)
    {
        var decomposed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();
    }
}
