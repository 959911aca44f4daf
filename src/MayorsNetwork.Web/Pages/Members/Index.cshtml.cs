using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Web.Pages.Join;
using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Members;

/// <summary>
/// The public member directory (Active and Grace memberships: see <see cref="MemberDirectory.Listed"/>), by name then
/// state, 50 a page, searched by name (case and accents ignored, through the folded <see cref="Government.NameKey"/>,
/// as the staff applications list does) and filtered by state. Input it cannot use never fails the page: it is
/// ignored or clamped, and the page says so.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.MembersPolicy)]
public sealed class IndexModel(MemberDirectory directory) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "The search")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>The page asked for, read as text so that "abc" gets a message rather than a binding error.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public PagedList<DirectoryRow> Results { get; private set; } = new([], 1, MemberDirectory.PageSize, 0);

    /// <summary>What the page did with input it could not use, in words.</summary>
    public List<string> Notices { get; } = [];

    public bool IsFiltered => Q is not null || State is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (Q is not null && Q.Length > FieldLimits.Name)
        {
            // No name is longer: such a search could match nothing. It is dropped, and not echoed back.
            Notices.Add($"A search can be at most {FieldLimits.Name} characters; it was ignored and all members are shown.");
            Q = null;
        }

        State = string.IsNullOrWhiteSpace(State) ? null : State.Trim().ToUpperInvariant();
        if (State is not null && !UsStates.IsValid(State))
        {
            Notices.Add(State.Length <= 2
                ? $"“{State}” is not a U.S. state or territory code; members in every state are shown."
                : "That is not a U.S. state or territory code; members in every state are shown.");
            State = null;
        }

        var page = 1;
        if (PageText is not null && !(int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            Notices.Add("A page number is a whole number from 1; the first page is shown.");
            page = 1;
        }

        Results = await directory.PageAsync(Q is null ? null : Government.KeyFor(Q), State, page, cancellationToken);
        if (page > Results.Page)
        {
            Notices.Add(Results.PageCount == 1
                ? "There is only one page; it is shown."
                : $"There are only {Results.PageCount:N0} pages; the last one is shown.");
        }
    }

    public static string StateName(string code) => UsStates.All.FirstOrDefault(s => s.Code == code).Name ?? code;
}
