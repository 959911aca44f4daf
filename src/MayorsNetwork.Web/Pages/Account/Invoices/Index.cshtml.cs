using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>
/// The invoices of the city the signed-in person acts for, with their status, balance and PO numbers, and the city's
/// standing vendor number (printed on every invoice, issue 14).
/// </summary>
public sealed class IndexModel(PortalDbContext db, BillingReferences references, IValidator<IndexModel.InputModel> validator, TimeProvider clock) : PortalPageModel
{
    public string? CityName { get; private set; }

    public IReadOnlyList<Row> Invoices { get; private set; } = [];

    /// <summary>Every payment recorded on the city's invoices, latest first, with its receipt or acknowledgement to download (issue 14).</summary>
    public IReadOnlyList<ReceiptRow> Receipts { get; private set; } = [];

    /// <summary>The city's standing vendor number as saved.</summary>
    public string? VendorNumber { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.VendorNumber = VendorNumber;
    }

    /// <summary>Saves the city's standing vendor number.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var governmentId = await GovernmentIdAsync(cancellationToken);
        if (governmentId is null) return Forbid();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var outcome = await references.SetStandingVendorNumberAsync(governmentId.Value, Input.VendorNumber, cancellationToken);
            if (outcome.Succeeded)
            {
                var saved = BillingReference.ParseVendorNumber(Input.VendorNumber).Value;
                StatusMessage = saved is null
                    ? "Your city's vendor number is removed; new invoices will not show one."
                    : $"Your city's vendor number {saved} is saved. It is printed on every invoice, including the unpaid ones.";
                return RedirectToPage();
            }

            outcome.Errors.AddTo(ModelState);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task<int?> GovernmentIdAsync(CancellationToken cancellationToken) => db.GovernmentIdAsync(User, cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var governmentId = await GovernmentIdAsync(cancellationToken);
        if (governmentId is null) return;

        var city = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => new { Name = g.Name + ", " + g.State, g.VendorNumber }).SingleAsync(cancellationToken);
        CityName = city.Name;
        VendorNumber = city.VendorNumber;
        // A city has one invoice a year: no paging needed. Balances are summed here (SQLite cannot SUM decimals).
        var items = await db.Invoices.AsNoTracking()
            .Where(i => i.Membership.GovernmentId == governmentId)
            .OrderByDescending(i => i.FiscalYear).ThenByDescending(i => i.Sequence)
            .Select(i => new { i.Id, i.Number, i.FiscalYear, i.IssuedOn, i.DueOn, i.Total, i.Status, i.PurchaseOrderNumber, Paid = i.Payments.Select(p => p.Amount).ToList() })
            .ToListAsync(cancellationToken);
        var paid = await db.Invoices.AsNoTracking().Include(i => i.Payments)
            .Where(i => i.Membership.GovernmentId == governmentId && i.Payments.Any())
            .ToListAsync(cancellationToken);
        Receipts = paid.SelectMany(i => i.Payments.Select(p => (Payment: p, Receipt: PaymentReceipt.For(i, p))))
            .OrderByDescending(r => r.Payment.ReceivedOn).ThenByDescending(r => r.Payment.Id)
            .Select(r => new ReceiptRow(r.Receipt.InvoiceNumber, r.Payment.Id, r.Receipt.Number, r.Receipt.Title, r.Receipt.Amount, r.Receipt.ReceivedOn, r.Receipt.BalanceAfter))
            .ToList();
        // Council holds in force today (issue 14, item 5).
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ids = items.Select(i => i.Id).ToList();
        var held = await db.CouncilHolds.AsNoTracking().Where(h => ids.Contains(h.InvoiceId) && !h.IsLifted && h.ExpectedBy >= today)
            .ToDictionaryAsync(h => h.InvoiceId, h => h.ExpectedBy, cancellationToken);
        Invoices = items.Select(i => new Row(i.Number, i.FiscalYear, i.IssuedOn, i.DueOn, i.Total, i.Total - i.Paid.Sum(), i.Status, i.PurchaseOrderNumber,
            held.TryGetValue(i.Id, out var until) ? until : null)).ToList();
    }

    /// <param name="CouncilExpectedBy">The date payment is expected by while it awaits council approval (issue 14), or null.</param>
    public sealed record Row(string Number, int FiscalYear, DateOnly IssuedOn, DateOnly DueOn, decimal Total, decimal Balance, InvoiceStatus Status, string? PurchaseOrderNumber,
        DateOnly? CouncilExpectedBy = null)
    {
        public bool IsOpen => Status is InvoiceStatus.Issued or InvoiceStatus.Sent;
    }

    public sealed record ReceiptRow(string InvoiceNumber, int PaymentId, string Number, string Title, decimal Amount, DateOnly ReceivedOn, decimal BalanceAfter);

    public sealed class InputModel
    {
        public string? VendorNumber { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator() => RuleFor(x => x.VendorNumber).Custom((value, context) =>
        {
            if (BillingReference.ParseVendorNumber(value).Error is { } error) context.AddFailure(error.Message);
        });
    }
}
