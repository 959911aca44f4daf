namespace MayorsNetwork.Domain.Documents;

/// <summary>One row of a dues schedule as printed in a council packet; <see cref="IsTheCitys"/> marks the city's own.</summary>
public sealed record ScheduleRow(string Population, string Dues, bool IsTheCitys);
