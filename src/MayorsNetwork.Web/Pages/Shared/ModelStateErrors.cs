using FluentValidation.Results;
using MayorsNetwork.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>
/// The one way errors reach a form: a validator's failures or a service's <see cref="RuleError"/>s, each put
/// next to the field of the page's <c>Input</c> whose name it carries (<c>Input.{Property}</c>), or above the
/// form when it names none. A page never reads an error's message to decide where it goes.
/// </summary>
public static class ModelStateErrors
{
    /// <summary>FluentValidation's failures, under <paramref name="prefix"/>.PropertyName.</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var error in result.Errors) Add(modelState, prefix, error.PropertyName, error.ErrorMessage);
    }

    /// <summary>
    /// A service's or an entity's refusals, under <paramref name="prefix"/>.Property. The property is the
    /// service's own name for the value; the page's <c>InputModel</c> uses the same names.
    /// </summary>
    public static void AddTo(this IEnumerable<RuleError> errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var error in errors) Add(modelState, prefix, error.Property, error.Message);
    }

    /// <summary>
    /// A service's <c>Outcome</c> errors, (property, message) pairs, under <paramref name="prefix"/>.Property; an
    /// empty property puts the message above the form.
    /// </summary>
    public static void AddTo(this IEnumerable<KeyValuePair<string, string>> errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (property, message) in errors) Add(modelState, prefix, property, message);
    }

    private static void Add(ModelStateDictionary modelState, string prefix, string? property, string message)
    {
        var key = string.IsNullOrEmpty(property) ? "" : string.IsNullOrEmpty(prefix) ? property : $"{prefix}.{property}";
        if (modelState[key]?.Errors.Count > 0) return; // one message per field is enough
        modelState.AddModelError(key, message);
    }
}
