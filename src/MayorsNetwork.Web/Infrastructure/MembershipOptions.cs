using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Who may apply, and how the association names itself to applicants. Settings, not code.</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    [Required]
    public string AssociationName { get; set; } = "MayorsNetwork";

    [Range(0, 50_000_000)]
    public int MinimumPopulation { get; set; } = 30_000;

    [MinLength(1)]
    public GovernmentKind[] AcceptedKinds { get; set; } = [GovernmentKind.City];

    /// <summary>Where regional entities and questions go.</summary>
    [Required, EmailAddress]
    public string MembershipEmail { get; set; } = "membership@mayorsnetwork.local";

    /// <summary>First month of the fiscal year (1 = January).</summary>
    [Range(1, 12)]
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>The portal's public address, for links in emails sent by background jobs.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public EligibilityRules Eligibility => new(MinimumPopulation, AcceptedKinds, MembershipEmail);
}
