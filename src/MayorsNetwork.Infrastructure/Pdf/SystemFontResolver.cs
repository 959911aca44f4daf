using PdfSharp.Fonts;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// PDFsharp finds no fonts on Linux by itself. We use DejaVu Sans, which Debian's fonts-dejavu-core
/// installs on every machine and in the Docker image, and which covers Latin with all its accents
/// (Española, Cañon City, Kāneʻohe), Greek and Cyrillic.
/// </summary>
public sealed class SystemFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts/dejavu",
    ];

    private static readonly Dictionary<string, string> Files = new()
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
        ["DejaVuSans-BoldOblique"] = "DejaVuSans-BoldOblique.ttf",
    };

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Every family asked for is drawn with DejaVu Sans: one font that we know is there.
        var face = "DejaVuSans" + (bold && italic ? "-BoldOblique" : bold ? "-Bold" : italic ? "-Oblique" : "");
        return new FontResolverInfo(face);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Loaded = new();

    public byte[]? GetFont(string faceName) => Loaded.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var file = Files.TryGetValue(faceName, out var f) ? f : Files["DejaVuSans"];
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        throw new FileNotFoundException(
            $"The font {file} was not found in {string.Join(", ", Folders)}. Install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core).");
    }

    private static int _installed;

    /// <summary>Sets the resolver and PDFsharp's AGPL licence once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver = new SystemFontResolver();
    }
}
