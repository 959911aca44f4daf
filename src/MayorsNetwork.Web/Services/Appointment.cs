namespace MayorsNetwork.Web.Services;

/// <summary>What staff chose on the appointment form, already parsed by the page.</summary>
public sealed record Appointment(int MembershipId, SeatRole Role, DateOnly StartsOn, DateOnly? EndsOn);
