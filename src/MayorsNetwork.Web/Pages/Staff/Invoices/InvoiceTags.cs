using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>The colour of an invoice's status tag, from USWDS utility classes (used by the staff and the member pages).</summary>
public static class InvoiceTags
{
    public static string For(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "usa-tag bg-green",
        InvoiceStatus.Void => "usa-tag bg-base-dark",
        InvoiceStatus.Sent => "usa-tag bg-primary",
        _ => "usa-tag bg-primary-dark",
    };

    public const string Overdue = "usa-tag bg-secondary-dark";
}
