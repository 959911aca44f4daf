using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>
/// The PO and vendor numbers form of an unpaid invoice (issue 14), on the city's /account/invoices and on the staff
/// invoice page. The field names are <see cref="BillingReferences"/>' error keys.
/// </summary>
public sealed class BillingReferencesInput
{
    public string? PurchaseOrderNumber { get; set; }

    public string? VendorNumber { get; set; }

    /// <summary>
    /// The invoice's version when the city's form was shown, so that a change made meanwhile (by staff, or the invoice
    /// being sent) is not overwritten; null on the staff page, whose own input carries the version.
    /// </summary>
    public Guid? Version { get; set; }

    /// <summary>Email the re-rendered invoice to the billing contact (the mayor in copy) once saved.</summary>
    public bool EmailAgain { get; set; }

    /// <summary><see cref="BillingReference"/>'s rules, so that the form says what the invoice would refuse.</summary>
    public sealed class Validator : AbstractValidator<BillingReferencesInput>
    {
        public Validator()
        {
            RuleFor(x => x.PurchaseOrderNumber).Custom((value, context) =>
            {
                if (BillingReference.ParsePurchaseOrder(value).Error is { } error) context.AddFailure(error.Message);
            });
            RuleFor(x => x.VendorNumber).Custom((value, context) =>
            {
                if (BillingReference.ParseVendorNumber(value).Error is { } error) context.AddFailure(error.Message);
            });
        }
    }
}
