namespace MayorsNetwork.Domain.Dues;

public enum DuesScheduleKind
{
    /// <summary>A fixed amount per population bracket (the ICLEI USA table).</summary>
    FlatTiers = 1,

    /// <summary>A base amount plus a rate per resident, per bracket (the League of Minnesota Cities table).</summary>
    BasePlusPerCapita = 2,

    /// <summary>A rate per resident, with a minimum and a maximum (the historical USCM invoices).</summary>
    PerCapita = 3,
}
