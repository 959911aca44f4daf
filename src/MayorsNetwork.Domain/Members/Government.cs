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
