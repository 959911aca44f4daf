using System.Text.Encodings.Web;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The wording of the emails the membership process sends. A body is paragraphs of plain text, every value
/// HTML-encoded, each with at most one <see cref="PortalLink"/>: the only links in our emails point to
/// <c>Membership:PublicUrl</c>, and nothing a user typed ever becomes one.
/// </summary>
public sealed class MembershipEmails(IOptions<MembershipOptions> options, PortalLinks links, AssociationDocumentLinks documents)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private string Association => options.Value.AssociationName;

    public ComposedEmail ApplicationReceived(Government g, string applicantName, DuesQuote? quote, PortalLink confirm) => Compose(
        $"We received {g.Name}'s membership application",
        applicantName,
        [
            $"Thank you for applying for membership of {Association} for {g.Name}, {g.State}.",
            quote is null ? "" : $"Your first year's dues for a population of {g.Population:N0} will be {Money.Format(quote.Amount)}" +
                (quote.Discount > 0 ? $" ({Money.Format(quote.FullAmount)} less the new-member discount of {Money.Format(quote.Discount)})." : "."),
            new("Please confirm your email address so that you can sign in:", confirm),
            "What happens next: our staff review your application, usually within five working days. When it is approved we send an invoice for the first year's dues; once it is paid, a membership advisor will be in touch.",
        ]);

    public ComposedEmail ApplicationApproved(Government g, string applicantName) => Compose(
        $"{g.Name} is approved for membership",
        applicantName,
        [
            $"Good news: {g.Name}, {g.State} has been approved for membership of {Association}.",
            "An invoice for the first year's dues follows by email to the billing contact. Once it is paid, a membership advisor will reach out.",
            new("Your city's page:", links.Account()),
        ]);

    public ComposedEmail ApplicationRejected(Government g, string applicantName, string reason) => Compose(
        $"About {g.Name}'s membership application",
        applicantName,
        [
            $"Thank you for {g.Name}'s interest in {Association}. We are not able to approve the application at this time.",
            "The reason given: " + reason,
            $"If you have questions or your circumstances change, write to {options.Value.MembershipEmail}.",
        ]);

    public ComposedEmail InvoiceIssued(Invoice invoice) => Compose(
        $"Invoice {invoice.Number} from {Association}: membership dues for {invoice.MemberName}",
        invoice.BillingName,
        [
            $"Please find attached invoice {invoice.Number} for {invoice.MemberName}'s membership dues for the period {invoice.PeriodStart:MMMM d, yyyy} to {invoice.PeriodEnd:MMMM d, yyyy}.",
            $"Amount due: {Money.Format(invoice.Balance)}, by {invoice.DueOn:MMMM d, yyyy}. How to pay is on the invoice; please quote its number with your payment.",
            new("The mayor's office can also see and download the invoice here:", links.AccountInvoices()),
            .. documents.ForInvoiceEmail(),
        ]);

    /// <summary>The invoice again, re-rendered after its PO or vendor number was set (issue 14).</summary>
    public ComposedEmail InvoiceReferencesChanged(Invoice invoice) => Compose(
        $"Invoice {invoice.Number} from {Association}, updated" + (invoice.PurchaseOrderNumber is { } po ? $": PO {po}" : ""),
        invoice.BillingName,
        [
            $"Please find attached invoice {invoice.Number} for {invoice.MemberName}'s membership dues, updated with " +
            $"{(invoice.PurchaseOrderNumber is { } p ? $"purchase-order number {p}" : "no purchase-order number")} and " +
            $"{(invoice.VendorNumber is { } v ? $"vendor number {v}" : "no vendor number")}. Nothing else on it has changed.",
            $"Amount due: {Money.Format(invoice.Balance)}, by {invoice.DueOn:MMMM d, yyyy}. How to pay is on the invoice; please quote its number with your payment.",
            new("The mayor's office can also see and download the invoice here:", links.AccountInvoices()),
            .. documents.ForInvoiceEmail(),
        ]);

    /// <summary>A payment's receipt (it settled the invoice) or acknowledgement (a part payment), with its PDF attached by the worker (issue 14).</summary>
    public ComposedEmail PaymentReceived(PaymentReceipt receipt, string billingName) => Compose(
        receipt.Kind == ReceiptKind.Receipt
            ? $"Receipt {receipt.Number} from {Association}: invoice {receipt.InvoiceNumber} is paid in full"
            : $"Payment received on invoice {receipt.InvoiceNumber} from {Association}: {Money.Format(receipt.BalanceAfter)} still due",
        billingName,
        [
            receipt.Summary,
            $"Please find attached the {receipt.Title.ToLowerInvariant()} ({receipt.Number}) for {receipt.MemberName}'s membership dues: the amount, the date, the method ({PaymentReceipt.MethodText(receipt.Method)}) and the reference of the payment.",
            new("The mayor's office can download it again, with the invoice, here:", links.AccountInvoices()),
        ]);

    /// <summary>
    /// To the billing contact: payment of the invoice awaits council approval, expected by a date (issue 14), as the city or
    /// staff recorded it, or moved it from <paramref name="previous"/>; no reminders until then.
    /// </summary>
    public ComposedEmail CouncilHoldRecorded(Invoice invoice, DateOnly expectedBy, DateOnly? previous, int heldDays, DateOnly lapsesOn, string byName, string note) => Compose(
        $"Invoice {invoice.Number}: payment awaits council approval, expected by {expectedBy:MMMM d, yyyy}",
        invoice.BillingName,
        [
            previous is { } from
                ? $"{byName} moved the date payment of invoice {invoice.Number} for {invoice.MemberName}'s membership dues is expected by, after council approval, from {from:MMMM d, yyyy} to {expectedBy:MMMM d, yyyy}."
                : $"{byName} recorded that payment of invoice {invoice.Number} for {invoice.MemberName}'s membership dues awaits council approval, expected by {expectedBy:MMMM d, yyyy}.",
            note.Length == 0 ? "" : "Note: " + note,
            $"Until then we send no reminders, and {invoice.MemberName}'s membership stays as it is. If the invoice is still unpaid after that date, reminders resume with the {heldDays} days on hold added to every date: the membership would lapse on {lapsesOn:MMMM d, yyyy}.",
            new("Your city's invoices, where the date can be changed:", links.AccountInvoices()),
        ]);

    /// <param name="dueOn">The date the invoice counts as due: its printed due date, or later by the days it awaited council approval (issue 14).</param>
    public ComposedEmail InvoiceReminder(Invoice invoice, ReminderKind kind, DateOnly? dueOn = null) => InvoiceReminder(invoice, kind, dueOn ?? invoice.DueOn);

    private ComposedEmail InvoiceReminder(Invoice invoice, ReminderKind kind, DateOnly dueOn) => Compose(
        kind switch
        {
            ReminderKind.BeforeDue => $"Reminder: invoice {invoice.Number} is due on {dueOn:MMMM d, yyyy}",
            ReminderKind.OnDueDate => $"Invoice {invoice.Number} is due today",
            _ => $"Invoice {invoice.Number} is past due: {invoice.MemberName}'s membership is in its grace period",
        },
        invoice.BillingName,
        [
            kind switch
            {
                ReminderKind.BeforeDue => $"This is a friendly reminder that invoice {invoice.Number} for {invoice.MemberName}'s membership dues is due on {dueOn:MMMM d, yyyy}.",
                ReminderKind.OnDueDate => $"Invoice {invoice.Number} for {invoice.MemberName}'s membership dues is due today.",
                _ => $"Invoice {invoice.Number} for {invoice.MemberName}'s membership dues was due on {dueOn:MMMM d, yyyy} and is unpaid. The membership is in its grace period; if it stays unpaid it will lapse, and a lapsed city loses its vote.",
            },
            $"Balance due: {Money.Format(invoice.Balance)}. The invoice is attached; if you have already paid, thank you, and please disregard this message.",
            new("Your city's invoices:", links.AccountInvoices()),
            .. documents.ForInvoiceEmail(),
        ]);

    /// <summary>To the mayor of a city named as cosponsor: they appear as cosponsor only once their city confirms.</summary>
    public ComposedEmail CosponsorInvited(string mayorName, string sponsorName, string sponsorCity, string title, string meetingTitle, PortalLink resolution) => Compose(
        $"Please confirm: cosponsoring \"{title}\"",
        mayorName,
        [
            $"{sponsorName} of {sponsorCity} has submitted the resolution \"{title}\" for the {meetingTitle} and named your city as a cosponsor.",
            new("Your city is listed as a cosponsor only once you confirm. To read the resolution and confirm, sign in with your city's account and open:", resolution),
        ]);

    public ComposedEmail ConfirmEmail(string name, PortalLink confirm) => Compose(
        $"Confirm your email address for {Association}",
        name,
        [new("Please confirm your email address by opening this link:", confirm), "If you did not ask for this, you can ignore this message."]);

    public ComposedEmail ResetPassword(string name, PortalLink reset) => Compose(
        $"Reset your {Association} password",
        name,
        [new("Someone (we hope you) asked to reset your password. Choose a new one here:", reset), "The link works once and expires in a day. If you did not ask for this, ignore this message: your password stays as it was."]);

    /// <summary>To an account's owner when someone applied at /join with its address (the page said nothing about the account).</summary>
    public ComposedEmail SignUpWithYourAddress(string name, PortalLink login, PortalLink recover, bool confirmed) => Compose(
        $"Someone tried to sign up for {Association} with your address",
        name,
        [
            $"Someone tried to apply for membership of {Association} with this email address, which already has an account. No new account or application was made.",
            new("If it was you, sign in with your account:", login),
            confirmed
                ? new EmailParagraph("If you forgot your password, choose a new one here:", recover)
                : new EmailParagraph("Your address is not confirmed yet; to get a new confirmation link, open:", recover),
            "If it was not you, there is nothing to do: your account stays as it was.",
        ]);

    /// <summary>To an account's owner when its security changed (password changed or reset, two-step verification off).</summary>
    public ComposedEmail SecurityChanged(string name, string subject, string whatHappened, PortalLink reset, PortalLink security) => Compose(
        subject,
        name,
        [
            whatHappened,
            "If this was you, there is nothing to do.",
            new("If it was not you, someone may know your password: choose a new one now.", reset),
            new("Then check your account's security settings:", security),
        ]);

    /// <summary>Next year's dues estimate, sent before the city's own fiscal year starts (issue 14, the budget notice).</summary>
    public ComposedEmail BudgetNotice(Government g, FiscalYear cityYear, DuesComparison estimate) => Compose(
        $"{g.Name}'s {Association} dues for your FY {cityYear.Year} budget: {Money.Format(estimate.NextYear.FullAmount)}",
        g.Billing.Name.Length > 0 ? g.Billing.Name : g.Name,
        [
            $"As {g.Name} prepares its budget for the fiscal year starting {cityYear.Start:MMMM d, yyyy}, here is the membership dues estimate for {Association}'s fiscal year {estimate.NextFiscalYear}, the invoice that budget will pay.",
            estimate.Explain(),
            $"The estimate uses a population of {estimate.NextYear.Population:N0} ({estimate.NextYear.Bracket}). The invoice follows when the fiscal year's renewal invoices are issued.",
            new("Your city's fiscal-year start month and this estimate are on your account:", links.Page("/Account/Budget")),
        ]);

    private ComposedEmail Compose(string subject, string greetingName, IEnumerable<EmailParagraph> paragraphs)
    {
        var body = paragraphs.Where(p => p.Text.Length > 0 || p.Link is not null).ToList();
        var text = $"Dear {greetingName},\n\n{string.Join("\n\n", body.Select(PlainText))}\n\n{Association}\n";
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">" +
                   $"<p>Dear {Html.Encode(greetingName)},</p>" +
                   string.Concat(body.Select(p => $"<p>{HtmlOf(p)}</p>")) +
                   $"<p>{Html.Encode(Association)}</p></body></html>";
        return new ComposedEmail(subject, text, html);
    }

    private static string PlainText(EmailParagraph p) => p.Link is null ? p.Text : $"{p.Text} {p.Link.Url}";

    // The text is only encoded, never scanned for addresses; the one link is the paragraph's PortalLink.
    private static string HtmlOf(EmailParagraph p) => p.Link is null
        ? Html.Encode(p.Text)
        : $"{Html.Encode(p.Text)} <a href=\"{Html.Encode(p.Link.Url)}\">{Html.Encode(p.Link.Url)}</a>";
}
