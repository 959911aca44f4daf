using System.ComponentModel.DataAnnotations;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>The body form, shared by the create and edit pages.</summary>
public sealed class BodyInput : IVersionedInput
{
    /// <summary>Addresses the staff pages use for themselves; no body may take them.</summary>
    private static readonly string[] ReservedSlugs = ["index", "create", "seats-csv", "roster-csv"];

    public string? Name { get; set; }

    public string? Kind { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The version the edit form was opened at; the create form has none.</summary>
    public Guid Version { get; set; }

    public static BodyInput From(Body body) => new()
    {
        Name = body.Name, Kind = body.Kind.ToString(), Description = body.DescriptionMarkdown, IsActive = body.IsActive, Version = body.Version,
    };

    /// <summary>The refusal when another body has a name that makes the same address.</summary>
    public static string NameTaken(string name) => $"There is already a body named like “{name}”. Choose another name.";

    /// <summary>
    /// Checks the input with its <see cref="Validator"/>, then that no other body (but <paramref name="exceptBodyId"/>)
    /// has a name like it; on success returns the name, slug and kind, else adds the errors to the model state.
    /// </summary>
    public async Task<(string Name, string Slug, BodyKind Kind)?> CheckAsync(IValidator<BodyInput> validator, PortalDbContext db, int? exceptBodyId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(this, cancellationToken);
        var name = TidyName(Name);
        var slug = SeatRules.SlugFor(name);
        // The name's error comes first in the list, as the name is the form's first field.
        if (result.Errors.All(e => e.PropertyName != nameof(Name)) && await db.Bodies.AnyAsync(b => b.Slug == slug && b.Id != (exceptBodyId ?? 0), cancellationToken))
            result.Errors.Insert(0, new ValidationFailure(nameof(Name), NameTaken(name)));
        result.AddTo(modelState);
        return modelState.IsValid ? (name, slug, Enum.Parse<BodyKind>(Kind!)) : null;
    }

    /// <summary>Copies the input to the body. The address is set once, at creation, so links to the body keep working after a rename.</summary>
    public static void Apply(Body body, (string Name, string Slug, BodyKind Kind) valid, BodyInput input)
    {
        body.Name = valid.Name;
        body.Kind = valid.Kind;
        body.DescriptionMarkdown = (input.Description ?? "").Trim();
        body.IsActive = input.IsActive;
    }

    /// <summary>The name as stored: runs of spaces made one, none at either end.</summary>
    private static string TidyName(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The form's own checks; whether another body has the name is <see cref="CheckAsync"/>'s.</summary>
    public sealed class Validator : AbstractValidator<BodyInput>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .Must(n => TidyName(n).Length > 0).WithMessage("Enter the body's name.")
                .Must(n => TidyName(n).Length <= Body.NameMaxLength).WithMessage($"The name must be {Body.NameMaxLength} characters or fewer.")
                .Must(n => SeatRules.SlugFor(TidyName(n)) is { Length: > 0 } slug && !ReservedSlugs.Contains(slug))
                .WithMessage("Give the body a name with letters or digits, like “Climate Change Task Force”.");
            RuleFor(x => x.Kind).Must(k => Enum.TryParse<BodyKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _))
                .WithMessage("Choose the kind of body.");
            RuleFor(x => x.Description).Must(d => (d?.Length ?? 0) <= Body.DescriptionMaxLength)
                .WithMessage($"The description must be {Body.DescriptionMaxLength:N0} characters or fewer.");
        }
    }
}
