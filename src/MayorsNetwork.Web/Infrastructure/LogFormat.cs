namespace MayorsNetwork.Web.Infrastructure;

/// <summary>How the console log is written (<c>Logging:Format</c>).</summary>
public enum LogFormat
{
    /// <summary>One readable line per event.</summary>
    Text,

    /// <summary>Serilog's compact JSON, one object per line, for log shippers.</summary>
    Json,
}
