namespace MayorsNetwork.Domain.BestPractices;

/// <summary>
/// Where a best practice stands. The city writes a Draft and submits it; staff publish it, or return it with a note
/// (also after publishing, to take it down); the city edits a returned one and submits it again, and may withdraw a
/// submitted one to Draft before staff decide.
/// </summary>
public enum BestPracticeStatus
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
    Returned = 4,
}
