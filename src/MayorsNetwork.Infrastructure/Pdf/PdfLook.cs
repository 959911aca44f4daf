using System.Globalization;
using PdfSharp.Drawing;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>What every PDF of the portal shares: US Letter pages with 0.75-inch margins, the association's colours, and figures and dates written the American way.</summary>
public static class PdfLook
{
    /// <summary>US Letter, in points.</summary>
    public const double PageWidth = 612, PageHeight = 792;

    public const double Margin = 54;

    public static readonly XColor Navy = XColor.FromArgb(0x16, 0x2e, 0x51);
    public static readonly XColor Blue = XColor.FromArgb(0x00, 0x5e, 0xa2);
    public static readonly XColor Grey = XColor.FromArgb(0x56, 0x5c, 0x65);
    public static readonly XColor Rule = XColor.FromArgb(0xdf, 0xe1, 0xe2);

    public static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
}
