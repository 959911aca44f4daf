using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Applications;

/// <summary>One application: the government, its contacts, its dues, its history; approve or reject.</summary>
public sealed class DetailModel(PortalDbContext db, MembershipApplications applications, DuesCalculator dues, UserManager<PortalUser> users) : PortalPageModel
{
    public Membership Membership { get; private set; } = null!;

    public string? ApplicantName { get; private set; }

    public string? ApplicantEmail { get; private set; }

    /// <summary>The dues approval would bill today: next year's when the first invoice would roll over (issue 14).</summary>
    public DuesQuote? Quote { get; private set; }

    /// <summary>Why those dues, when the first invoice would not simply be this year's (rollover or proration).</summary>
    public string? QuoteNote { get; private set; }

    /// <summary>A re-application waiting for a decision: what the applicant proposes, shown beside the current record.</summary>
    public MembershipProposal? Proposal { get; private set; }

    public string? ProposalApplicantEmail { get; private set; }

    /// <summary>The dues approving the re-application would bill, at the proposed population.</summary>
    public DuesQuote? ProposalQuote { get; private set; }

    /// <summary>The membership's invoices, newest first, for the links beside the status.</summary>
    public IReadOnlyList<(int Id, string Number)> Invoices { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, withReason: false, (staff, _) => applications.ApproveAsync(id, Input.Version, staff, cancellationToken),
            "Approved: the applicant has been emailed.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, withReason: true, (staff, reason) => applications.RejectAsync(id, Input.Version, staff, reason, cancellationToken),
            "Rejected: the applicant has been emailed the reason.", cancellationToken);

    public Task<IActionResult> OnPostApproveProposalAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, withReason: false, (staff, _) => applications.ApproveProposalAsync(id, Input.Version, staff, cancellationToken),
            "Re-application approved: the proposed details replace the old ones, the first invoice is issued and the applicant has been emailed.", cancellationToken);

    public Task<IActionResult> OnPostRejectProposalAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, withReason: true, (staff, reason) => applications.RejectProposalAsync(id, Input.Version, staff, reason, cancellationToken),
            "Re-application rejected: nothing in the city's record changed, and the applicant has been emailed the reason.", cancellationToken);

    /// <summary>One decision by the signed-in staff member: a rejection's reason is checked first (the applicant reads it).</summary>
    private async Task<IActionResult> DecideAsync(int id, bool withReason, Func<PortalUser, string, Task<Outcome>> decide, string status, CancellationToken cancellationToken)
    {
        var reason = Input.Reason?.Trim() ?? "";
        if (withReason && reason.Length == 0)
            return await FailAsync(id, "Input.Reason", "Give the reason for rejecting: the applicant will read it.", cancellationToken);
        if (withReason && reason.Length > FieldLimits.Reason)
            return await FailAsync(id, "Input.Reason", $"The reason must be {FieldLimits.Reason:N0} characters or fewer.", cancellationToken);
        var staff = await users.GetUserAsync(User);
        return await AfterAsync(id, await decide(staff!, reason), status, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Outcome result, string status, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            StatusMessage = status;
            return RedirectToPage(new { id });
        }

        return await FailAsync(id, "", result.Errors[0].Value, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(int id, string field, string message, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(field, message);
        // The reason stays as typed; the version becomes the one now shown.
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.AsNoTracking()
            .Include(m => m.Government)
            .Include(m => m.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id))
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (membership is null) return false;
        Membership = membership;
        Input.Version = membership.Version;
        if (membership.ApplicantUserId is not null)
        {
            var applicant = await db.Users.AsNoTracking().Where(u => u.Id == membership.ApplicantUserId)
                .Select(u => new { u.FullName, u.Email }).FirstOrDefaultAsync(cancellationToken);
            ApplicantName = applicant?.FullName;
            ApplicantEmail = applicant?.Email;
        }

        // The same figure /join showed and approval will bill (issue 14's first-year period).
        if (await dues.JoiningAsync(membership.Government.Population, cancellationToken) is { } joining)
        {
            Quote = joining.Preview.Quote;
            QuoteNote = joining.Preview.RollsOver || joining.Preview.FirstInvoice.Basis == FirstYearBasis.ThisYearProrated ? joining.Preview.Explanation : null;
        }
        Proposal = await db.MembershipProposals.AsNoTracking()
            .FirstOrDefaultAsync(p => p.MembershipId == id && p.Status == ProposalStatus.Pending, cancellationToken);
        if (Proposal is not null)
        {
            ProposalApplicantEmail = await db.Users.AsNoTracking().Where(u => u.Id == Proposal.ApplicantUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
            ProposalQuote = (await dues.JoiningAsync(Proposal.Population, cancellationToken))?.Preview.Quote;
        }
        Invoices = (await db.Invoices.AsNoTracking().Where(i => i.MembershipId == id)
                .OrderByDescending(i => i.FiscalYear).ThenByDescending(i => i.Sequence)
                .Select(i => new { i.Id, i.Number }).ToListAsync(cancellationToken))
            .Select(i => (i.Id, i.Number)).ToList();
        return true;
    }

    /// <summary>The decision forms: the version of the application the staff member is looking at, and a rejection's reason.</summary>
    public sealed class InputModel
    {
        public Guid Version { get; set; }

        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }
}
