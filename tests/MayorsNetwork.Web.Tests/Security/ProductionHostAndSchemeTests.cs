using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// The portal in the Production environment. Issue 11, defect 1: with <c>AllowedHosts</c> unset it answers only to
/// <c>Membership:PublicUrl</c>'s host (members.mayors.example here); a request naming any other Host gets 400 and no page.
/// </summary>
public abstract class ProductionHostAndSchemeTests(PortalFixture portal)
{
    [Fact]
    public async Task The_public_host_is_served_and_another_host_gets_400()
    {
        var ours = portal.Client();
        ours.Http.DefaultRequestHeaders.Host = "members.mayors.example";
        var theirs = portal.Client();
        theirs.Http.DefaultRequestHeaders.Host = "evil.example";

        var served = await ours.GetAsync("/account/forgotpassword");
        var refused = await theirs.GetAsync("/account/forgotpassword");
        var refusedPost = await theirs.PostAsync("/account/forgotpassword", [new("Email", "someone@city.example.gov")]);

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.NotNull(served.One("input[name=Email]"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Null(refused.One("input[name=Email]"));
        Assert.Equal(HttpStatusCode.BadRequest, refusedPost.Status);
    }

    [Fact]
    public async Task The_default_client_address_localhost_is_not_the_public_host_and_is_refused_too()
    {
        var page = await portal.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }
}

public sealed class ProductionHostAndSchemeTests_Sqlite(ProductionSqlitePortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionSqlitePortal>;

public sealed class ProductionHostAndSchemeTests_Postgres(ProductionPostgresPortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionPostgresPortal>;

public sealed class ProductionHostAndSchemeTests_SqlServer(ProductionSqlServerPortal portal) : ProductionHostAndSchemeTests(portal), IClassFixture<ProductionSqlServerPortal>;
