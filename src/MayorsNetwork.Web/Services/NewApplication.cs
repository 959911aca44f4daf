namespace MayorsNetwork.Web.Services;

/// <summary>What the applicant typed, already validated by the page.</summary>
public sealed record NewApplication(Government Government, string ApplicantName, string ApplicantEmail, string Password);
