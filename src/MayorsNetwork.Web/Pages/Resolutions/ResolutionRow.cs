using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>One line of a list of resolutions.</summary>
public sealed record ResolutionRow(int Id, string Title, string SponsorName, string SponsorCity, int MeetingId, string Meeting, ResolutionStatus Status,
    string? Committee, DateTime SubmittedAtUtc);
