using System.Diagnostics;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>One summary line per request (Serilog.AspNetCore is not available on our feed).</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRequestSummaryLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("MayorsNetwork.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}
