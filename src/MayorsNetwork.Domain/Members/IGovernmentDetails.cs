namespace MayorsNetwork.Domain.Members;

/// <summary>
/// What an applicant says about a government: its name, kind, population and census year, its mayor, liaison and
/// billing contact and address. The government holds the current details; a re-application (<see cref="MembershipProposal"/>)
/// holds proposed ones until staff decide. <see cref="CopyTo"/> is the one place that lists them.
/// </summary>
public interface IGovernmentDetails
{
    string Name { get; set; }

    GovernmentKind Kind { get; set; }

    int Population { get; set; }

    int CensusYear { get; set; }

    string MayorTitle { get; set; }

    Contact Mayor { get; set; }

    DateOnly? MayorTermEnds { get; set; }

    Contact Liaison { get; set; }

    Contact Billing { get; set; }

    string BillingAddress { get; set; }

    /// <summary>Copies every detail to <paramref name="target"/>, the contacts as copies of their own.</summary>
    void CopyTo(IGovernmentDetails target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Name = Name;
        target.Kind = Kind;
        target.Population = Population;
        target.CensusYear = CensusYear;
        target.MayorTitle = MayorTitle;
        target.Mayor = Mayor.Copy();
        target.MayorTermEnds = MayorTermEnds;
        target.Liaison = Liaison.Copy();
        target.Billing = Billing.Copy();
        target.BillingAddress = BillingAddress;
    }
}
