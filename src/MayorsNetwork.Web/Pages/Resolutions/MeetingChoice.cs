namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>A meeting offered in a list's meeting filter.</summary>
public sealed record MeetingChoice(int Id, string Title);
