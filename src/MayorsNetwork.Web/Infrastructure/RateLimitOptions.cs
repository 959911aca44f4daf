using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Rate limits for login, sign-up and password reset, per client address and per instance.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public const string AuthPolicy = "auth";

    /// <summary>Form posts allowed per client address in one window.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 3_600)]
    public int WindowSeconds { get; set; } = 60;
}
