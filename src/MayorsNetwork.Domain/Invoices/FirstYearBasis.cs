namespace MayorsNetwork.Domain.Invoices;

/// <summary>What a first invoice charges, once the policy has been applied to the approval date.</summary>
public enum FirstYearBasis
{
    /// <summary>The whole of the fiscal year the approval falls in.</summary>
    ThisYearInFull = 1,

    /// <summary>The whole months left in the fiscal year the approval falls in.</summary>
    ThisYearProrated = 2,

    /// <summary>The whole of the next fiscal year; the membership runs from approval to its end.</summary>
    NextYear = 3,
}
