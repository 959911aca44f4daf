using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Domain.Tests.Documents;

/// <summary>An uploaded association document is judged by its content: not empty, at most 5 MB, starting with %PDF-.</summary>
public class PdfUploadTests
{
    private static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();

    [Fact]
    public void A_PDF_of_up_to_5_MB_passes()
    {
        Assert.True(PdfUpload.Check(1, PdfHead).Succeeded);
        Assert.True(PdfUpload.Check(PdfUpload.MaxBytes, PdfHead).Succeeded);
    }

    [Fact]
    public void One_byte_over_5_MB_is_refused_before_the_content_is_looked_at()
    {
        var result = PdfUpload.Check(PdfUpload.MaxBytes + 1, PdfHead);

        Assert.Equal(PdfUpload.TooLarge, result.Error!.Code);
        Assert.Equal(PdfUpload.Property, result.Error.Property);
        Assert.StartsWith("The file is larger than 5 MB", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4e, 0x47 })] // PNG
    [InlineData(new byte[] { 0x50, 0x4b, 0x03, 0x04 })] // a .docx (zip)
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })] // "%PDF" without the dash
    [InlineData(new byte[] { 0x20, 0x25, 0x50, 0x44, 0x46, 0x2d })] // " %PDF-": the signature must come first
    public void Anything_not_starting_with_the_PDF_signature_is_refused(byte[] head)
    {
        Assert.Equal(PdfUpload.NotPdf, PdfUpload.Check(head.Length, head).Error!.Code);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(PdfUpload.Empty, PdfUpload.Check(0, []).Error!.Code);
    }

    [Theory]
    [InlineData("W-9 2026.pdf", "W-9-2026.pdf")]
    [InlineData(@"C:\Users\finance\Desktop\w9.PDF", "w9.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("formulaire é.pdf", "formulaire.pdf")]
    [InlineData("\"><script>.pdf", "script.pdf")]
    [InlineData("", "w-9.pdf")]
    [InlineData(".pdf", "w-9.pdf")]
    public void File_names_keep_only_safe_characters_and_end_in_pdf(string uploaded, string stored)
    {
        Assert.Equal(stored, PdfUpload.FileName(uploaded, DocumentKind.W9));
    }

    [Fact]
    public void Versions_count_up_from_one_per_kind()
    {
        var first = AssociationDocument.NextVersion(DocumentKind.AchForm, null, "ach.pdf", [1, 2, 3], "abc", "Avery", DateTime.UnixEpoch);
        var third = AssociationDocument.NextVersion(DocumentKind.AchForm, 2, "ach.pdf", [1, 2, 3], "abc", "Avery", DateTime.UnixEpoch);

        Assert.Equal((1, 3L), (first.Version, first.Size));
        Assert.Equal(3, third.Version);
    }
}
