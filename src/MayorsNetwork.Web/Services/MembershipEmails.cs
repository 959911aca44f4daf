using System.Text.Encodings.Web;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Services;

/// <summary>A composed email: subject, plain text and HTML.</summary>
public sealed record ComposedEmail(string Subject, string Text, string Html);

/// <summary>The wording of the emails the membership process sends. Every value is HTML-encoded in the HTML body.</summary>
public sealed class MembershipEmails(IOptions<MembershipOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private string Association => options.Value.AssociationName;

    public ComposedEmail ApplicationReceived(Government g, string applicantName, DuesQuote? quote, string confirmUrl) => Compose(
        $"We received {g.Name}'s membership application",
        applicantName,
        [
            $"Thank you for applying for membership of {Association} for {g.Name}, {g.State}.",
            quote is null ? "" : $"Your first year's dues for a population of {g.Population:N0} will be {Money.Format(quote.Amount)}" +
                (quote.Discount > 0 ? $" ({Money.Format(quote.FullAmount)} less the new-member discount of {Money.Format(quote.Discount)})." : "."),
            "Please confirm your email address so that you can sign in: " + confirmUrl,
            "What happens next: our staff review your application, usually within five working days. When it is approved we send an invoice for the first year's dues; once it is paid, a membership advisor will be in touch.",
        ]);

    public ComposedEmail ApplicationApproved(Government g, string applicantName, string accountUrl) => Compose(
        $"{g.Name} is approved for membership",
        applicantName,
        [
            $"Good news: {g.Name}, {g.State} has been approved for membership of {Association}.",
            "An invoice for the first year's dues follows by email to the billing contact. Once it is paid, a membership advisor will reach out.",
            "Your city's page: " + accountUrl,
        ]);

    public ComposedEmail ApplicationRejected(Government g, string applicantName, string reason) => Compose(
        $"About {g.Name}'s membership application",
        applicantName,
        [
            $"Thank you for {g.Name}'s interest in {Association}. We are not able to approve the application at this time.",
            "The reason given: " + reason,
            $"If you have questions or your circumstances change, write to {options.Value.MembershipEmail}.",
        ]);

    public ComposedEmail InvoiceIssued(Invoice invoice, string accountUrl) => Compose(
        $"Invoice {invoice.Number} from {Association}: membership dues for {invoice.MemberName}",
        invoice.BillingName,
        [
            $"Please find attached invoice {invoice.Number} for {invoice.MemberName}'s membership dues for the period {invoice.PeriodStart:MMMM d, yyyy} to {invoice.PeriodEnd:MMMM d, yyyy}.",
            $"Amount due: {Money.Format(invoice.Balance)}, by {invoice.DueOn:MMMM d, yyyy}. How to pay is on the invoice; please quote its number with your payment.",
            "The mayor's office can also see and download the invoice here: " + accountUrl,
        ]);

    public ComposedEmail InvoiceReminder(Invoice invoice, ReminderKind kind, string accountUrl) => Compose(
        kind switch
        {
            ReminderKind.BeforeDue => $"Reminder: invoice {invoice.Number} is due on {invoice.DueOn:MMMM d, yyyy}",
            ReminderKind.OnDueDate => $"Invoice {invoice.Number} is due today",
            _ => $"Invoice {invoice.Number} is past due: {invoice.MemberName}'s membership is in its grace period",
        },
        invoice.BillingName,
        [
            kind switch
            {
                ReminderKind.BeforeDue => $"This is a friendly reminder that invoice {invoice.Number} for {invoice.MemberName}'s membership dues is due on {invoice.DueOn:MMMM d, yyyy}.",
                ReminderKind.OnDueDate => $"Invoice {invoice.Number} for {invoice.MemberName}'s membership dues is due today.",
                _ => $"Invoice {invoice.Number} for {invoice.MemberName}'s membership dues was due on {invoice.DueOn:MMMM d, yyyy} and is unpaid. The membership is in its grace period; if it stays unpaid it will lapse, and a lapsed city loses its vote.",
            },
            $"Balance due: {Money.Format(invoice.Balance)}. The invoice is attached; if you have already paid, thank you, and please disregard this message.",
            "Your city's invoices: " + accountUrl,
        ]);

    /// <summary>To the mayor of a city named as cosponsor: they appear as cosponsor only once their city confirms.</summary>
    public ComposedEmail CosponsorInvited(string mayorName, string sponsorName, string sponsorCity, string title, string meetingTitle, string resolutionUrl) => Compose(
        $"Please confirm: cosponsoring \"{title}\"",
        mayorName,
        [
            $"{sponsorName} of {sponsorCity} has submitted the resolution \"{title}\" for the {meetingTitle} and named your city as a cosponsor.",
            "Your city is listed as a cosponsor only once you confirm. To read the resolution and confirm, sign in with your city's account and open: " + resolutionUrl,
        ]);

    public ComposedEmail ConfirmEmail(string name, string url) => Compose(
        $"Confirm your email address for {Association}",
        name,
        ["Please confirm your email address by opening this link: " + url, "If you did not ask for this, you can ignore this message."]);

    public ComposedEmail ResetPassword(string name, string url) => Compose(
        $"Reset your {Association} password",
        name,
        ["Someone (we hope you) asked to reset your password. Choose a new one here: " + url, "The link works once and expires in a day. If you did not ask for this, ignore this message: your password stays as it was."]);

    private ComposedEmail Compose(string subject, string greetingName, IEnumerable<string> paragraphs)
    {
        var body = paragraphs.Where(p => p.Length > 0).ToList();
        var text = $"Dear {greetingName},\n\n{string.Join("\n\n", body)}\n\n{Association}\n";
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">" +
                   $"<p>Dear {Html.Encode(greetingName)},</p>" +
                   string.Concat(body.Select(p => $"<p>{Linkify(p)}</p>")) +
                   $"<p>{Html.Encode(Association)}</p></body></html>";
        return new ComposedEmail(subject, text, html);
    }

    // Encodes the paragraph and turns its URL (our own, always last) into a link.
    private static string Linkify(string paragraph)
    {
        var at = paragraph.IndexOf("http", StringComparison.Ordinal);
        if (at < 0) return Html.Encode(paragraph);
        var url = paragraph[at..];
        return Html.Encode(paragraph[..at]) + $"<a href=\"{Html.Encode(url)}\">{Html.Encode(url)}</a>";
    }
}
