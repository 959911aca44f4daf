using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>
/// The city records that payment of one of its unpaid invoices awaits council approval, expected by a date (issue 14,
/// item 5): until then no reminders are sent and the membership does not move to Grace or Lapsed. The date can be moved
/// (each change is kept and shown) or the hold lifted. Another city's number is "not found".
/// </summary>
public sealed class CouncilModel(PortalDbContext db, CouncilHolds holds, UserManager<PortalUser> users, IValidator<CouncilHoldInput> validator) : PortalPageModel
{
    [BindProperty]
    public CouncilHoldInput Input { get; set; } = new();

    public Invoice Invoice { get; private set; } = null!;

    public CouncilHold? Hold { get; private set; }

    public DuesClock Clock { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The latest date that can be entered.</summary>
    public DateOnly Latest { get; private set; }

    /// <summary>Why no hold can be recorded (paid or void), or null.</summary>
    public string? Closed { get; private set; }

    /// <summary>Whether the hold stops the invoice's clock today.</summary>
    public bool InForce => Hold?.Covers(Today) == true;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken)) return NotFound();
        Input = new CouncilHoldInput { ExpectedBy = InForce ? CouncilHoldInput.Format(Hold!.ExpectedBy) : null, Version = Hold?.Version ?? Guid.Empty };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(number, cancellationToken)) return NotFound();
        if (Closed is not null) return Page();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var user = await users.GetUserAsync(User);
        var outcome = await holds.SetAsync(Invoice.Id, Input.Version, Input.Date(), Input.Note, user!.Id, user.FullName, cancellationToken);
        if (!outcome.Succeeded) return await RefusedAsync(number, outcome, cancellationToken);

        StatusMessage = $"Invoice {Invoice.Number}: payment awaits council approval, expected by {Input.Date():MMMM d, yyyy}. No reminders are sent until then.";
        return RedirectToPage("./Index");
    }

    /// <summary>Ends the hold today: the council has decided, or it was entered by mistake.</summary>
    public async Task<IActionResult> OnPostLiftAsync(string number, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(number, cancellationToken)) return NotFound();
        if (Input.Note is { Length: > CouncilHold.NoteMaxLength })
        {
            ModelState.AddModelError($"Input.{CouncilHolds.NoteField}", $"The note can be at most {CouncilHold.NoteMaxLength} characters.");
            return Page();
        }

        var user = await users.GetUserAsync(User);
        var outcome = await holds.LiftAsync(Invoice.Id, Input.Version, Input.Note, user!.Id, user.FullName, cancellationToken);
        if (!outcome.Succeeded) return await RefusedAsync(number, outcome, cancellationToken);

        StatusMessage = $"Invoice {Invoice.Number} no longer awaits council approval; it is due as its reminders say.";
        return RedirectToPage("./Index");
    }

    /// <summary>The page again with the errors; after a change made meanwhile the form carries the hold as it is now, so saving again applies what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(string number, Outcome outcome, CancellationToken cancellationToken)
    {
        outcome.Errors.AddTo(ModelState);
        if (!await LoadAsync(number, cancellationToken)) return NotFound();
        Input.Version = Hold?.Version ?? Guid.Empty;
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var governmentId = await db.GovernmentIdAsync(User, cancellationToken);
        if (governmentId is null) return false;
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments)
            .FirstOrDefaultAsync(i => i.Number == number && i.Membership.GovernmentId == governmentId, cancellationToken);
        if (invoice is null) return false;
        Invoice = invoice;
        Hold = await holds.ForInvoiceAsync(invoice.Id, cancellationToken);
        Clock = holds.ClockFor(invoice, Hold);
        Today = holds.Today;
        Latest = CouncilHold.LatestDate(invoice.DueOn, holds.MaxDays);
        Closed = invoice.Status == InvoiceStatus.Void ? $"Invoice {invoice.Number} is void; it does not need council approval."
            : invoice.Status == InvoiceStatus.Paid || invoice.Balance <= 0 ? $"Invoice {invoice.Number} is paid; it no longer awaits council approval."
            : null;
        return true;
    }
}
