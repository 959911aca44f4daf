using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MayorsNetwork.Domain.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The one place every form and every bound query or route value goes through (issue 11, defects 8 and 9): after
/// model binding and before any handler runs, each value the request bound (as model binding recorded it, so a value
/// that failed to bind is seen too) is checked against <see cref="TypedText"/>. A refused value gets a message under
/// its field's name and is emptied.
/// <list type="bullet">
/// <item>A POST (or any method that may change something) never reaches its handler: the page is shown again, loaded
/// by its own GET handler, with what was posted and the messages. So no page can store such a value, whether or not it
/// checks <c>ModelState.IsValid</c>, and handlers that start with <c>ModelState.Clear()</c> cannot lose the messages.</item>
/// <item>A GET runs its handler with the refused values emptied (a search for NUL is a search for nothing) and shows the messages.</item>
/// </list>
/// A field holds one line unless its property is marked <c>[DataType(DataType.MultilineText)]</c>: safer by default.
/// </summary>
public sealed partial class TextInputScreening(ILogger<TextInputScreening> logger) : IAsyncPageFilter
{
    /// <summary>After the staff two-step gate and any other page filter: a refused form never shows a page its user may not see.</summary>
    public const int Order = 1_000;

    /// <summary><see cref="HttpContext.Items"/> key of the messages, for the layout to show on pages that have no error summary.</summary>
    public const string RefusedMessagesKey = "TextInputScreening.Refused";

    private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refused = Screen(context);
        if (refused.Count == 0)
        {
            await next();
            return;
        }

        foreach (var field in refused) LogRefused(logger, field.Problem, field.Key, context.ActionDescriptor.ViewEnginePath);
        context.HttpContext.Items[RefusedMessagesKey] = refused.Select(f => f.Message).ToList();
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            foreach (var field in refused) field.Target.Empty?.Invoke();
            AddErrors(context.ModelState, refused);
            await next();
            return;
        }

        context.Result = await RedisplayAsync(context, refused);
    }

    private static List<RefusedField> Screen(PageHandlerExecutingContext context)
    {
        var refused = new List<RefusedField>();
        // A GET changes nothing, and the pages that take long query values (a search) clamp them with their own message.
        var request = context.HttpContext.Request;
        var lengthMatters = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        foreach (var (key, entry) in context.ModelState)
        {
            Target? target = null;
            foreach (var value in RawValues(entry))
            {
                target ??= Target.Locate(context, key);
                var problem = TypedText.Check(value, target.MultiLine);
                if (problem == TextProblem.None || (problem == TextProblem.TooLong && !lengthMatters)) continue;
                refused.Add(new RefusedField(key, problem, target));
                break;
            }
        }

        return refused;
    }

    /// <summary>What the request held for a key, as model binding recorded it (before any conversion).</summary>
    private static IEnumerable<string> RawValues(ModelStateEntry? entry) => entry?.RawValue switch
    {
        null => entry?.AttemptedValue is { } attempted ? [attempted] : [],
        string s => [s],
        StringValues values => values.OfType<string>(),
        IEnumerable<string?> values => values.OfType<string>(),
        _ => entry.AttemptedValue is { } attempted ? [attempted] : [],
    };

    private static void AddErrors(ModelStateDictionary modelState, IEnumerable<RefusedField> refused)
    {
        foreach (var field in refused) modelState.AddModelError(field.Key, field.Message);
    }

    /// <summary>
    /// The page as its GET handler shows it, with what was posted put back (the GET handler may have set defaults or
    /// loaded a record into the same properties), the refused values emptied and only the refusals as errors.
    /// </summary>
    private static async Task<IActionResult> RedisplayAsync(PageHandlerExecutingContext context, List<RefusedField> refused)
    {
        var page = context.HandlerInstance;
        var posted = context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>()
            .Where(p => p.Property.CanWrite)
            .Select(p => (p.Property, Value: Copy(p.Property.GetValue(page))))
            .ToList();

        IActionResult? result = null;
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.IsNullOrEmpty(h.Name) && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
        if (get is not null) result = await InvokeAsync(get.MethodInfo, page, context.HttpContext, context.RouteData);

        foreach (var (property, value) in posted) property.SetValue(page, value);
        foreach (var field in refused) field.Target.Empty?.Invoke();
        context.ModelState.Clear();
        AddErrors(context.ModelState, refused);
        return result ?? new Microsoft.AspNetCore.Mvc.RazorPages.PageResult();
    }

    private static object? Copy(object? value) =>
        value is null or string || value.GetType().IsValueType ? value : ShallowCopy.Invoke(value, null);

    /// <summary>Runs a GET handler with its arguments from the route or the query string, refused values as null.</summary>
    private static async Task<IActionResult?> InvokeAsync(MethodInfo handler, object page, HttpContext http, RouteData route)
    {
        var parameters = handler.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments[i] = http.RequestAborted;
                continue;
            }

            var raw = route.Values.TryGetValue(parameter.Name!, out var fromRoute) && fromRoute is not null
                ? Convert.ToString(fromRoute, CultureInfo.InvariantCulture)
                : http.Request.Query[parameter.Name!].FirstOrDefault();
            if (raw is not null && TypedText.Check(raw, multiLine: false) != TextProblem.None) raw = null;
            arguments[i] = ConvertOrDefault(raw, parameter.ParameterType);
        }

        var returned = handler.Invoke(page, BindingFlags.DoNotWrapExceptions, binder: null, arguments, CultureInfo.InvariantCulture);
        if (returned is Task task)
        {
            await task;
            returned = task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task);
        }

        return returned as IActionResult;
    }

    private static object? ConvertOrDefault(string? raw, Type type)
    {
        var fallback = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        if (raw is null) return fallback;
        try
        {
            return TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(raw) ?? fallback;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return fallback;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a value ({Problem}) in {Field} on {Page}")]
    private static partial void LogRefused(ILogger logger, TextProblem problem, string field, string page);

    private sealed record RefusedField(string Key, TextProblem Problem, Target Target)
    {
        public string Message => Problem switch
        {
            TextProblem.LineBreakOrTab => $"{Target.Label} must be one line: remove the line breaks and tabs.",
            TextProblem.ControlCharacter => $"{Target.Label} contains an invisible control character (such as NUL) that cannot be saved: remove it, or type the text again.",
            TextProblem.DirectionOverride => $"{Target.Label} contains a hidden character that changes the direction of the text (U+202A to U+202E or U+2066 to U+2069), which can disguise what it says: remove it.",
            TextProblem.Unreadable => $"{Target.Label} contains characters that could not be read (the text was not valid Unicode): type it again.",
            TextProblem.TooLong => $"{Target.Label} is too long: it can have at most {TypedText.MaxLength(Target.MultiLine).ToString("N0", CultureInfo.InvariantCulture)} characters.",
            _ => $"{Target.Label} cannot be accepted.",
        };
    }

    /// <summary>
    /// Where a model-state key was bound: a handler argument or a bound property of the page, then the properties
    /// below it ("Input.MayorName"). Knows whether it holds several lines, its label, and how to empty it.
    /// </summary>
    private sealed class Target
    {
        private Target(string label, bool multiLine, Action? empty)
        {
            Label = label;
            MultiLine = multiLine;
            Empty = empty;
        }

        public string Label { get; }

        public bool MultiLine { get; }

        /// <summary>Sets the bound value to null; null where it cannot be reached (an element of a list).</summary>
        public Action? Empty { get; }

        public static Target Locate(PageHandlerExecutingContext context, string key)
        {
            var segments = key.Split('.');
            if (Walk(context, segments) is { } found) return found;
            // A complex property bound without its prefix ("Name" for "Input.Name") when the request had no "Input." field.
            foreach (var property in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>().Where(p => p.Property.PropertyType is { IsClass: true } t && t != typeof(string)))
            {
                if (Walk(context, [property.Name, .. segments]) is { } relative) return relative;
            }

            return new Target(LabelOf(segments[^1], null), multiLine: false, empty: null);
        }

        private static Target? Walk(PageHandlerExecutingContext context, string[] segments)
        {
            var (name, indexed) = Segment(segments[0]);
            Type type;
            ICustomAttributeProvider member;
            Func<object?> get;
            Action<object?>? set;
            var parameter = context.HandlerMethod?.Parameters.OfType<HandlerParameterDescriptor>()
                .FirstOrDefault(p => Same(p.BindingInfo?.BinderModelName ?? p.Name, name));
            if (parameter is not null)
            {
                type = parameter.ParameterType;
                member = parameter.ParameterInfo;
                get = () => context.HandlerArguments.TryGetValue(parameter.Name, out var value) ? value : null;
                set = value => context.HandlerArguments[parameter.Name] = value;
            }
            else
            {
                var bound = context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                    .FirstOrDefault(p => Same(p.BindingInfo?.BinderModelName ?? p.Name, name));
                if (bound is null) return null;
                var page = context.HandlerInstance;
                type = bound.Property.PropertyType;
                member = bound.Property;
                get = () => bound.Property.GetValue(page);
                set = bound.Property.CanWrite ? value => bound.Property.SetValue(page, value) : null;
            }

            for (var i = 1; ; i++)
            {
                if (indexed)
                {
                    type = ElementType(type);
                    set = null;
                }

                if (i == segments.Length) break;
                (name, indexed) = Segment(segments[i]);
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null) return new Target(LabelOf(name, null), multiLine: false, empty: null);
                var owner = get;
                var canSet = set is not null && property.CanWrite;
                get = () => owner() is { } o ? property.GetValue(o) : null;
                set = canSet ? value => { if (owner() is { } o) property.SetValue(o, value); } : null;
                type = property.PropertyType;
                member = property;
            }

            var multiLine = member.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true).OfType<DataTypeAttribute>().Any(a => a.DataType == DataType.MultilineText);
            Action? empty = null;
            if (set is { } setter && type == typeof(string)) empty = () => setter(null);
            return new Target(LabelOf(name, member), multiLine, empty);
        }

        private static (string Name, bool Indexed) Segment(string segment)
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0 ? (segment, false) : (segment[..bracket], true);
        }

        private static Type ElementType(Type type) =>
            type.IsArray ? type.GetElementType()!
            : type.GetInterfaces().Append(type).FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);

        private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>The field's [Display(Name)] if it has one, else its name in words: "MayorName" reads "Mayor name".</summary>
        private static string LabelOf(string name, ICustomAttributeProvider? member)
        {
            if (member?.GetCustomAttributes(typeof(DisplayAttribute), inherit: true).OfType<DisplayAttribute>().FirstOrDefault()?.GetName() is { Length: > 0 } display)
                return display;
            var words = new System.Text.StringBuilder();
            foreach (var c in name)
            {
                if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
                else words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }

            return words.Length == 0 ? "This field" : words.ToString();
        }
    }
}
