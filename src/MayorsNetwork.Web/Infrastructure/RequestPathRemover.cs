using Serilog.Core;
using Serilog.Events;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Takes the request path (added to events by ASP.NET Core's logging scope) out of every log event: a path can hold
/// an email address or a token that someone typed or was sent. The route pattern and the request id say which
/// request it was.
/// </summary>
public sealed class RequestPathRemover : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent("RequestPath");
}
