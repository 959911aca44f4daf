namespace MayorsNetwork.Domain.Documents;

/// <summary>The association's own documents that city finance offices ask for before they pay (issue 14).</summary>
public enum DocumentKind
{
    /// <summary>IRS Form W-9: the association's taxpayer identification number and certification.</summary>
    W9,

    /// <summary>The ACH/remittance form: how to pay the association electronically.</summary>
    AchForm,
}
