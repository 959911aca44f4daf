using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The council packet's cover letter (issue 14 item 6), section <c>CouncilPacket</c>. Placeholders in braces are filled
/// from the invoice: {Association}, {City}, {State}, {Mayor}, {Amount}, {Period}, {FiscalYear}, {InvoiceNumber},
/// {DueDate}, {Date}, {BillingEmail}, and {TaxFormNote} (a sentence saying the W-9 is enclosed, or that it is not on file yet
/// and whom to ask); any other is refused when the portal starts. In <see cref="Letter"/> a blank line
/// separates paragraphs and a line starting with "- " is a bullet. The defaults draw on the association's own
/// "why join" page and the billing realities in docs/product.md.
/// </summary>
public sealed class CouncilPacketOptions : IValidatableObject
{
    public const string Section = "CouncilPacket";

    [Required]
    public string Salutation { get; set; } = "Dear Members of the Council of {City}:";

    [Required]
    public string Letter { get; set; } = """
        Enclosed for the council's approval is invoice {InvoiceNumber} for {City}'s membership dues in {Association}: {Amount} for the period {Period}, due by {DueDate}. {Mayor} represents the city in the association.

        {Association} is the non-partisan organization of cities with populations of 30,000 or more, each represented by its mayor. Membership gives {City}:

        - Advocacy: a vote on the policy resolutions the member cities adopt each year, one vote per city, and a seat for the mayor on the standing committees and task forces that draft them.
        - Best practices and awards: the city's solutions showcased in reports, forums and on the association's website, and an awards program that grants more than $1 million a year to the most creative city solutions.
        - Promotion of the city: its story told at public events, on social media and in the press.
        - Business connections and economic development, with the nation's business leaders and research on metro economies.
        - Networking: hundreds of peers who know the job of mayor, at the Winter Meeting each January in Washington, D.C. and the Annual Meeting each June.

        Enclosed with this letter are the invoice and the dues schedule for fiscal year {FiscalYear} with the city's row marked. {TaxFormNote} Please quote invoice {InvoiceNumber} with the payment; questions about it are welcome at {BillingEmail}.
        """;

    [Required]
    public string Closing { get; set; } = "Sincerely,\n\nMembership Services\n{Association}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, text) in new[] { (nameof(Salutation), Salutation), (nameof(Letter), Letter), (nameof(Closing), Closing) })
        {
            var unknown = CoverLetter.UnknownPlaceholders(text ?? "");
            if (unknown.Count > 0)
                yield return new ValidationResult(
                    $"{Section}:{name} has unknown placeholders {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; use {string.Join(", ", CoverLetter.Placeholders.Select(p => "{" + p + "}"))}.",
                    [name]);
        }
    }
}
