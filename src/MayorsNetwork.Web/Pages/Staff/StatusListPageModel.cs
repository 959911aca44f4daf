namespace MayorsNetwork.Web.Pages.Staff;

/// <summary>
/// A staff list filtered by status and read a page at a time (applications, invoices, the outbox). The status and
/// the page are query values (<c>?status=Failed&amp;p=2</c>), so that a list can be shared as an address.
/// </summary>
public abstract class StatusListPageModel<TRow> : PortalPageModel
{
    /// <summary>What <see cref="Status"/> reads when the list is not filtered by status.</summary>
    public const string All = "all";

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<TRow> Results { get; protected set; } = new([], 1, PageSize, 0);

    /// <summary>
    /// The status asked for, in any case, when it is one of <typeparamref name="TStatus"/>; <see cref="Status"/> then
    /// reads as its name, and otherwise as <see cref="All"/>.
    /// </summary>
    protected TStatus? ChosenStatus<TStatus>() where TStatus : struct, Enum
    {
        if (Enum.TryParse<TStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            Status = status.ToString();
            return status;
        }

        Status = All;
        return null;
    }
}
