using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>One member in the population-figures preview: this year's and next year's dues, and whether staff recorded a new figure for it.</summary>
public sealed record CensusPreviewRow(int GovernmentId, string Name, string State, DuesComparison Comparison, bool NewFigure);
