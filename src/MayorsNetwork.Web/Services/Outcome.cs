namespace MayorsNetwork.Web.Services;

/// <summary>The outcome of an action: success, or errors keyed by form field ("" for the whole form).</summary>
public sealed record Outcome(IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public static readonly Outcome Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static Outcome Fail(string message, string field = "") => new([new(field, message)]);
}
