using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Builds an invoice's council packet (issue 14 item 6): the cover letter from <see cref="CouncilPacketOptions"/> filled
/// from the invoice, the invoice as it stands now, the dues schedule in force for its fiscal year with the city's row
/// marked (by the population the invoice was billed on), and the current W-9 when one is uploaded.
/// </summary>
public sealed class CouncilPackets(
    PortalDbContext db,
    DuesCalculator dues,
    AssociationDocuments documents,
    IOptions<CouncilPacketOptions> letter,
    IOptions<InvoiceOptions> terms,
    TimeProvider clock)
{
    /// <summary>The packet of the first invoice <paramref name="invoices"/> finds, or null when it finds none.</summary>
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(IQueryable<Invoice> invoices, CancellationToken cancellationToken)
    {
        var invoice = await invoices.AsNoTracking().Include(i => i.Payments).FirstOrDefaultAsync(cancellationToken);
        if (invoice is null) return null;
        // The population the invoice was billed on: the figure staff recorded for its fiscal year, else the city's own (as InvoiceIssuer).
        var government = await db.Memberships.AsNoTracking().Where(m => m.Id == invoice.MembershipId)
            .Select(m => new { m.GovernmentId, m.Government.Population }).SingleAsync(cancellationToken);
        var figures = await db.PopulationFigures.AsNoTracking()
            .Where(f => f.GovernmentId == government.GovernmentId && f.FiscalYear <= invoice.FiscalYear).ToListAsync(cancellationToken);
        var population = Domain.Dues.PopulationFigure.InForce(figures, invoice.FiscalYear, government.Population);
        var schedule = await dues.ScheduleForAsync(invoice.FiscalYear, cancellationToken);
        var w9 = await documents.CurrentContentAsync(DocumentKind.W9, cancellationToken);
        var t = terms.Value;
        var us = CultureInfo.GetCultureInfo("en-US");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Association"] = t.AssociationName,
            ["City"] = invoice.MemberName,
            ["State"] = invoice.MemberState,
            ["Mayor"] = invoice.MayorName,
            ["Amount"] = Money.Format(invoice.Total),
            ["Period"] = $"{invoice.PeriodStart.ToString("MMMM d, yyyy", us)} to {invoice.PeriodEnd.ToString("MMMM d, yyyy", us)}",
            ["FiscalYear"] = invoice.FiscalYear.ToString(CultureInfo.InvariantCulture),
            ["InvoiceNumber"] = invoice.Number,
            ["DueDate"] = invoice.DueOn.ToString("MMMM d, yyyy", us),
            ["Date"] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("MMMM d, yyyy", us),
            ["BillingEmail"] = t.BillingEmail,
            ["TaxFormNote"] = w9 is null
                ? $"The association's Form W-9 is not on file in the portal yet; your finance office can ask {t.BillingEmail} for it."
                : "The association's Form W-9 is enclosed for your finance office.",
        };
        string Fill(string text) => CoverLetter.Fill(text.Replace("\r", "", StringComparison.Ordinal), values);

        var content = new CouncilPacketContent(
            t.AssociationName,
            Lines(t.AssociationAddress),
            values["Date"],
            ["The City Council", $"{invoice.MemberName}, {invoice.MemberState}"],
            Fill(letter.Value.Salutation),
            Paragraphs(Fill(letter.Value.Letter)),
            Fill(letter.Value.Closing),
            invoice.Number,
            InvoicePdf.Render(invoice, t),
            schedule is null ? $"Dues schedule, fiscal year {invoice.FiscalYear}" : $"Dues schedule, fiscal year {invoice.FiscalYear}: {schedule.Name}",
            schedule is null
                ? $"No dues schedule is on record for fiscal year {invoice.FiscalYear}; the invoice shows how its amount was worked out."
                : string.Create(us, $"{invoice.MemberName}, {invoice.MemberState} has a population of {population:N0} on record: its row is marked.") +
                  (schedule.NewMemberDiscountPercent > 0 ? string.Create(us, $" New members get {schedule.NewMemberDiscountPercent:0.##}% off their first year.") : ""),
            schedule is null ? [] : ScheduleTable.Rows(schedule, population),
            w9,
            $"The association's Form W-9 is not on file in the portal yet. Your finance office can ask {t.BillingEmail} for it.");
        return (CouncilPacketPdf.Render(content), $"Council-packet-{invoice.Number}.pdf");
    }

    private static string[] Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Blank lines separate paragraphs; each "- " line is a paragraph of its own (a bullet); other lines run on.</summary>
    private static List<string> Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        void Flush()
        {
            if (current.Count > 0) paragraphs.Add(string.Join(' ', current));
            current.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) Flush();
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                current.Add(line);
                Flush();
            }
            else current.Add(line);
        }

        Flush();
        return paragraphs;
    }
}
