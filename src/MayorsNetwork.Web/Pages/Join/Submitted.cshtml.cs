namespace MayorsNetwork.Web.Pages.Join;

/// <summary>Shown after an application is stored: what happens next.</summary>
[AllowAnonymous]
public sealed class SubmittedModel(IOptions<MembershipOptions> options) : PortalPageModel
{
    /// <summary>"Springfield, IL", from the application just stored (kept for this one page view).</summary>
    [TempData(Key = IndexModel.AppliedGovernmentKey)]
    public string? Government { get; set; }

    [TempData(Key = IndexModel.AppliedEmailKey)]
    public string? Email { get; set; }

    public string MembershipEmail => options.Value.MembershipEmail;

    public void OnGet()
    {
    }
}
