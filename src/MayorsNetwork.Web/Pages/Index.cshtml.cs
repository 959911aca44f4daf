using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.HomePolicy)]
public sealed class IndexModel(IOptions<MembershipOptions> options) : PortalPageModel
{
    public string AssociationName => options.Value.AssociationName;

    public int MinimumPopulation => options.Value.MinimumPopulation;
}
