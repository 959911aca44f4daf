using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.HomePolicy)]
public sealed class IndexModel(IOptions<MembershipOptions> options) : PortalPageModel
{
    public string AssociationName => options.Value.AssociationName;

    public int MinimumPopulation => options.Value.MinimumPopulation;
}
