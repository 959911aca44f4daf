namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>One labelled text input with its hint and error, rendered by _Field.cshtml.</summary>
public sealed record FieldModel(string Name, string Label, string? Value)
{
    public string Type { get; init; } = "text";

    public string? Hint { get; init; }

    public bool Required { get; init; } = true;

    public string? Autocomplete { get; init; }

    public string? InputMode { get; init; }

    public int? MaxLength { get; init; }

    public string? CssClass { get; init; }
}
