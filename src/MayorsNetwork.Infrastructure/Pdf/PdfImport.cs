using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>Opening PDFs made elsewhere (an uploaded W-9) to check them and to merge their pages into ours.</summary>
public static class PdfImport
{
    /// <summary>
    /// The number of pages PDFsharp reads from <paramref name="content"/> when opened for import (as the council packet
    /// merges it), or null when it cannot: damaged, truncated, password-protected, or not a PDF at all.
    /// </summary>
    public static int? PageCount(byte[] content)
    {
        SystemFontResolver.Install();
        try
        {
            using var document = PdfReader.Open(new MemoryStream(content, writable: false), PdfDocumentOpenMode.Import);
            return document.PageCount > 0 ? document.PageCount : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PDFsharp throws several types (PdfReaderException, InvalidOperationException, …) for what it cannot read.
            return null;
        }
    }

    /// <summary>Appends every page of <paramref name="content"/> to <paramref name="target"/>; false (nothing added) if it cannot be read.</summary>
    public static bool AppendPages(PdfDocument target, byte[] content)
    {
        PdfDocument source;
        try
        {
            source = PdfReader.Open(new MemoryStream(content, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }

        using (source)
        {
            foreach (var page in source.Pages) target.AddPage(page);
        }

        return true;
    }
}
