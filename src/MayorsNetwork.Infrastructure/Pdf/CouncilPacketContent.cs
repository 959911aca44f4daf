using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// What a council packet holds (issue 14 item 6), ready to draw: the cover letter's filled text, the invoice's own PDF,
/// the dues schedule's rows with the city's marked, and the W-9's PDF when one is on file.
/// </summary>
/// <param name="LetterParagraphs">The letter's body, filled; a paragraph starting with "- " is drawn as a bullet.</param>
public sealed record CouncilPacketContent(
    string AssociationName,
    IReadOnlyList<string> AssociationAddress,
    string Date,
    IReadOnlyList<string> Addressee,
    string Salutation,
    IReadOnlyList<string> LetterParagraphs,
    string Closing,
    string InvoiceNumber,
    byte[] InvoicePdf,
    string ScheduleTitle,
    string ScheduleNote,
    IReadOnlyList<ScheduleRow> ScheduleRows,
    byte[]? W9Pdf,
    string W9Missing);
