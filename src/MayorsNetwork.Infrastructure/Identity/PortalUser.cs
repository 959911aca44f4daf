using MayorsNetwork.Domain.Members;
using Microsoft.AspNetCore.Identity;

namespace MayorsNetwork.Infrastructure.Identity;

/// <summary>A person who signs in: a mayor or city staff acting for one, or association staff.</summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The member government this account acts for; set when its application is approved.</summary>
    public int? GovernmentId { get; set; }

    public Government? Government { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
