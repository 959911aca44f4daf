using System.Net;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Tests.Logging;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// The portal in the Production environment. Issue 11, defect 1: with <c>AllowedHosts</c> unset it answers only to
/// <c>Membership:PublicUrl</c>'s host (members.mayors.example here); a request naming any other Host gets 400 and no page.
/// Defect 8: a request over plain HTTP (as the portal sees it, after a configured proxy's X-Forwarded-Proto) gets a page
/// saying the portal must be served over HTTPS, with the setting to use, instead of a 500 on every form; /healthz still
/// answers; the portal logs it once, at Warning.
/// </summary>
public abstract class ProductionHostAndSchemeTests(ICapturedLogPortal fixture)
{
    private readonly PortalFixture portal = fixture.Portal;

    [Fact]
    public async Task The_public_host_is_served_and_another_host_gets_400()
    {
        var ours = portal.Client();
        ours.Http.DefaultRequestHeaders.Host = "members.mayors.example";
        var theirs = portal.Client();
        theirs.Http.DefaultRequestHeaders.Host = "evil.example";

        var served = await ours.GetAsync("/account/forgotpassword");
        var refused = await theirs.GetAsync("/account/forgotpassword");
        var refusedPost = await theirs.PostAsync("/account/forgotpassword", [new("Input.Email", "someone@city.example.gov")]);

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.NotNull(served.One("input[name='Input.Email']"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Null(refused.One("input[name='Input.Email']"));
        Assert.Equal(HttpStatusCode.BadRequest, refusedPost.Status);
    }

    [Fact]
    public async Task The_default_client_address_localhost_is_not_the_public_host_and_is_refused_too()
    {
        var page = await portal.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task A_form_page_over_plain_http_says_the_portal_must_be_served_over_https_instead_of_failing()
    {
        var page = await PlainHttp().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(PlainHttpRefusal.Title, page.One("h1")?.TextContent.Trim());
        Assert.Contains("ForwardedHeaders:KnownProxies", page.Text, StringComparison.Ordinal);
        Assert.Contains("https://members.mayors.example/", page.Text, StringComparison.Ordinal);
        Assert.Null(page.One("input[name='Input.Password']"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"), "No cookie is set over plain HTTP.");
    }

    [Fact]
    public async Task A_form_posted_over_plain_http_gets_the_same_page_and_changes_nothing()
    {
        // An account that would be sent a reset link over https.
        var (email, _) = await portal.CreateEnrolledStaffAsync();

        var posted = await PlainHttp().PostAsync("/account/forgotpassword", [new("Input.Email", email)]);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(PlainHttpRefusal.Title, posted.One("h1")?.TextContent.Trim());
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.Contains(email))));
    }

    [Fact]
    public async Task Forwarded_proto_from_a_source_that_is_not_a_configured_proxy_is_not_believed()
    {
        var client = PlainHttp();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(PlainHttpRefusal.Title, page.One("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Health_checks_still_answer_over_plain_http()
    {
        using var response = await PlainHttp().Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_http_is_logged_once_at_warning_however_many_requests_come_that_way()
    {
        for (var i = 0; i < 3; i++) await PlainHttp().GetAsync(i % 2 == 0 ? "/" : "/join");

        var warning = Assert.Single(fixture.Log.Events, e => CapturedLog.Scalar(e, "SourceContext") == typeof(PlainHttpRefusal).FullName);
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Contains("ForwardedHeaders:KnownProxies", warning.RenderMessage(), StringComparison.Ordinal);
    }

    /// <summary>A client that speaks plain HTTP to the public host, as a browser would to a portal with no TLS in front.</summary>
    private PortalClient PlainHttp() => new(portal.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://members.mayors.example"),
        AllowAutoRedirect = false,
    }), portal);
}

public sealed class ProductionHostAndSchemeTests_Sqlite(ProductionSqlitePortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionSqlitePortal>;

public sealed class ProductionHostAndSchemeTests_Postgres(ProductionPostgresPortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionPostgresPortal>;

public sealed class ProductionHostAndSchemeTests_SqlServer(ProductionSqlServerPortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionSqlServerPortal>;
