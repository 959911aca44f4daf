using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Settings bound from one configuration section and checked when the portal starts, so a bad value stops it with a message.</summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(
        this IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
