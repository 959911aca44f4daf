using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>The body form, shared by the create and edit pages.</summary>
public sealed class BodyInput
{
    /// <summary>Addresses the staff pages use for themselves; no body may take them.</summary>
    private static readonly string[] ReservedSlugs = ["index", "create", "seats-csv", "roster-csv"];

    public string? Name { get; set; }

    public string? Kind { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    public static BodyInput From(Body body) => new() { Name = body.Name, Kind = body.Kind.ToString(), Description = body.DescriptionMarkdown, IsActive = body.IsActive };

    /// <summary>Checks the input; on success returns the name, slug and kind, else adds the errors to the model state.</summary>
    public async Task<(string Name, string Slug, BodyKind Kind)?> ValidateAsync(PortalDbContext db, int? exceptBodyId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var name = string.Join(' ', (Name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var slug = SeatRules.SlugFor(name);
        if (name.Length == 0) modelState.AddModelError("Input.Name", "Enter the body's name.");
        else if (name.Length > Body.NameMaxLength) modelState.AddModelError("Input.Name", $"The name must be {Body.NameMaxLength} characters or fewer.");
        else if (slug.Length == 0 || ReservedSlugs.Contains(slug)) modelState.AddModelError("Input.Name", "Give the body a name with letters or digits, like “Climate Change Task Force”.");
        else if (await db.Bodies.AnyAsync(b => b.Slug == slug && b.Id != (exceptBodyId ?? 0), cancellationToken))
            modelState.AddModelError("Input.Name", $"There is already a body named like “{name}”. Choose another name.");
        if (!Enum.TryParse<BodyKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            modelState.AddModelError("Input.Kind", "Choose the kind of body.");
        if ((Description?.Length ?? 0) > Body.DescriptionMaxLength)
            modelState.AddModelError("Input.Description", $"The description must be {Body.DescriptionMaxLength:N0} characters or fewer.");
        return modelState.IsValid ? (name, slug, kind) : null;
    }

    /// <summary>Copies the input to the body. The address is set once, at creation, so links to the body keep working after a rename.</summary>
    public static void Apply(Body body, (string Name, string Slug, BodyKind Kind) valid, BodyInput input)
    {
        body.Name = valid.Name;
        body.Kind = valid.Kind;
        body.DescriptionMarkdown = (input.Description ?? "").Trim();
        body.IsActive = input.IsActive;
    }
}
