namespace MayorsNetwork.Domain.Meetings;

/// <summary>What a check-in did, for the staff check-in page.</summary>
/// <param name="RegistrantCheckedIn">The registrant was checked in now (false: they already were).</param>
/// <param name="CityCheckedIn">The city's credential was checked in now by this arrival.</param>
/// <param name="Message">What staff read after scanning the code.</param>
public sealed record CheckInResult(bool RegistrantCheckedIn, bool CityCheckedIn, string Message);
