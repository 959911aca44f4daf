using System.Net.Http.Headers;
using MayorsNetwork.Infrastructure.Pdf;
using MayorsNetwork.Web.Tests.Support;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Documents;

/// <summary>Test PDFs made with PDFsharp, and uploading a file through the staff documents page's form, as a browser would.</summary>
public static class DocumentUploads
{
    /// <summary>A real PDF of <paramref name="pages"/> pages, each saying <paramref name="text"/> (a unique token pdftotext finds).</summary>
    public static byte[] Pdf(string text, int pages = 1)
    {
        SystemFontResolver.Install();
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            var page = document.AddPage();
            using var g = XGraphics.FromPdfPage(page);
            g.DrawString($"{text} page {i + 1}", new XFont(SystemFontResolver.Family, 14, XFontStyleEx.Regular), XBrushes.Black, 72, 96);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    /// <summary>Opens /staff/documents, fills its upload form (kind "W9" or "AchForm") and posts the file with the page's antiforgery token.</summary>
    public static async Task<PageResult> UploadAsync(PortalClient admin, string kind, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var page = await admin.GetAsync("/staff/documents");
        var token = page.One("form[data-testid=upload-form] input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException("No upload form on /staff/documents: " + page.Text[..Math.Min(300, page.Text.Length)]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Input.File", fileName);
        return await admin.PostAsync("/staff/documents", form);
    }
}
