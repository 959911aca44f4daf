using System.Text;
using System.Text.RegularExpressions;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// One message as the SMTP server stored it, parsed far enough for tests: headers (with RFC 2047
/// encoded words), and the text, HTML and attachment parts (base64 or quoted-printable).
/// </summary>
public sealed partial class ReceivedMail
{
    public required string Raw { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    public string Subject => Header("Subject");

    public string MessageId => Header("Message-ID");

    public IReadOnlyList<string> To => Addresses(Header("To"));

    public IReadOnlyList<string> Cc => Addresses(Header("Cc"));

    public string Text { get; private set; } = "";

    public string Html { get; private set; } = "";

    public List<(string FileName, string ContentType, byte[] Content)> Attachments { get; } = [];

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";

    /// <summary>The first link in the text body that contains the fragment.</summary>
    public string Link(string contains)
    {
        var match = UrlPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(u => u.Contains(contains, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new InvalidOperationException($"No link containing '{contains}' in: {Text}");
    }

    public static ReceivedMail Parse(string raw)
    {
        var (headers, body) = SplitPart(raw);
        var mail = new ReceivedMail { Raw = raw, Headers = headers };
        mail.ReadPart(headers, body);
        return mail;
    }

    private void ReadPart(Dictionary<string, string> headers, string body)
    {
        var contentType = headers.TryGetValue("Content-Type", out var ct) ? ct : "text/plain";
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Regex.Match(contentType, "boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase).Groups[1].Value;
            foreach (var chunk in body.Split("--" + boundary).Skip(1))
            {
                if (chunk.StartsWith("--", StringComparison.Ordinal)) break;
                var (h, b) = SplitPart(chunk.TrimStart('\r', '\n'));
                ReadPart(h, b);
            }

            return;
        }

        var encoding = headers.TryGetValue("Content-Transfer-Encoding", out var cte) ? cte.Trim().ToLowerInvariant() : "7bit";
        var bytes = encoding switch
        {
            "base64" => Convert.FromBase64String(Regex.Replace(body, @"\s", "")),
            "quoted-printable" => QuotedPrintable(body),
            _ => Encoding.UTF8.GetBytes(body),
        };
        var disposition = headers.TryGetValue("Content-Disposition", out var cd) ? cd : "";
        var name = Regex.Match(disposition + ";" + contentType, "(?:file)?name=\"?([^\";]+)\"?", RegexOptions.IgnoreCase).Groups[1].Value;
        if (disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) || (name.Length > 0 && !contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)))
        {
            Attachments.Add((DecodeWords(name), contentType.Split(';')[0].Trim(), bytes));
        }
        else if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            Html += Encoding.UTF8.GetString(bytes);
        }
        else if (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            Text += Encoding.UTF8.GetString(bytes);
        }
    }

    private static (Dictionary<string, string> Headers, string Body) SplitPart(string part)
    {
        var normalized = part.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? normalized : normalized[..end];
        var body = end < 0 ? "" : normalized[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }

        foreach (var key in headers.Keys.ToList()) headers[key] = DecodeWords(headers[key]);
        return (headers, body);
    }

    private static string DecodeWords(string value)
    {
        // Adjacent encoded words are joined without the space between them (RFC 2047 section 6.2).
        var joined = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : QuotedPrintable(text.Replace('_', ' '));
            return charset.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var s = text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }

        return bytes.ToArray();
    }

    private static List<string> Addresses(string header) =>
        AddressPattern().Matches(header).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex UrlPattern();
}
