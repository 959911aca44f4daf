using System.IO.Compression;
using System.Net.Http.Headers;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Brotli and gzip for what holds no secret (static files, anonymous pages without a form token), nothing for
/// signed-in people's pages or pages with a form token (BREACH); long caching for versioned static files.
/// </summary>
public abstract class CompressionAndStaticFilesTests(PortalFixture portal)
{
    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient http, string url, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream stream = new MemoryStream(bytes);
        if (response.Content.Headers.ContentEncoding.Contains("br")) stream = new BrotliStream(stream, CompressionMode.Decompress);
        else if (response.Content.Headers.ContentEncoding.Contains("gzip")) stream = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return (response, await reader.ReadToEndAsync());
    }

    private static string? CacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : null;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Public_pages_are_compressed_when_the_browser_asks(string encoding)
    {
        var (response, body) = await GetAsync(portal.Client().Http, "/dues?population=45000", encoding);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("Dues calculator", body, StringComparison.Ordinal);
        Assert.Contains("$600.00", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_a_form_token_is_not_compressed()
    {
        var client = portal.Client();
        await client.GetAsync("/account/login");

        // The second visit already has the antiforgery cookie: the page still carries a token.
        var (response, body) = await GetAsync(client.Http, "/account/login", "br");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_for_a_signed_in_person_are_not_compressed()
    {
        var staff = await portal.SignedInStaffAsync();

        var (response, body) = await GetAsync(staff.Http, "/dues?population=45000", "br");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("$600.00", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_others_for_ten_minutes()
    {
        var home = await portal.Client().GetAsync("/");
        var versioned = home.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.css?v=", StringComparison.Ordinal));

        var (withVersion, css) = await GetAsync(portal.Client().Http, versioned, "br");
        var (plain, _) = await GetAsync(portal.Client().Http, "/css/site.css", "gzip");

        Assert.Equal("public, max-age=31536000, immutable", CacheControl(withVersion));
        Assert.Equal(["br"], withVersion.Content.Headers.ContentEncoding);
        Assert.Contains(".dues-chart", css, StringComparison.Ordinal);
        Assert.Equal("public, max-age=600", CacheControl(plain));
        Assert.Equal(["gzip"], plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Anonymous_pages_set_no_cookie()
    {
        var response = await portal.Client().Http.GetAsync("/committees");

        // The layout reads the status message on every page; with none to keep, no cookie deletion is sent either.
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : []));
    }
}

public sealed class CompressionAndStaticFilesTests_Sqlite(SqlitePortal portal) : CompressionAndStaticFilesTests(portal), IClassFixture<SqlitePortal>;

public sealed class CompressionAndStaticFilesTests_Postgres(PostgresPortal portal) : CompressionAndStaticFilesTests(portal), IClassFixture<PostgresPortal>;

public sealed class CompressionAndStaticFilesTests_SqlServer(SqlServerPortal portal) : CompressionAndStaticFilesTests(portal), IClassFixture<SqlServerPortal>;
