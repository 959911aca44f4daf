using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Staff.Outbox;

/// <summary>
/// The email queue: how many messages are pending, being sent, sent and failed; a page of them by status,
/// with why the last attempt failed; Retry on a failed one, or on all of them.
/// </summary>
public sealed class IndexModel(PortalDbContext db, MayorsNetwork.Infrastructure.Jobs.Outbox outbox) : StatusListPageModel<IndexModel.Row>
{
    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        // The default view is the work for staff: the failed messages, when there are any.
        Status ??= Counts.GetValueOrDefault(OutboxStatus.Failed) > 0 ? nameof(OutboxStatus.Failed) : All;
        var query = db.OutboxMessages.AsNoTracking();
        var status = ChosenStatus<OutboxStatus>();
        if (status is { } chosen) query = query.Where(m => m.Status == chosen);

        var total = status is { } counted ? Counts.GetValueOrDefault(counted) : Counts.Values.Sum();
        PageNumber = Paging.Fit(PageNumber, total, PageSize);
        // Failed first, then the newest.
        var items = await query
            .OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Page(PageNumber, PageSize)
            .Select(m => new Row(m.Id, m.Topic, m.To, m.Cc, m.Subject, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.LastError, m.SentAtUtc))
            .ToListAsync(cancellationToken);
        Results = new PagedList<Row>(items, PageNumber, PageSize, total);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        StatusMessage = await outbox.RetryAsync(id, cancellationToken)
            ? "The message is queued again: the worker sends it within moments."
            : "That message is no longer failed (someone may have retried it already); nothing was changed.";
        return RedirectToPage(new { status = Status, p = PageNumber });
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken cancellationToken)
    {
        var count = await outbox.RetryAllFailedAsync(cancellationToken);
        StatusMessage = count switch
        {
            0 => "There were no failed messages; nothing was changed.",
            1 => "1 failed message is queued again.",
            _ => $"{count:N0} failed messages are queued again.",
        };
        return RedirectToPage(new { status = Status });
    }

    public sealed record Row(
        long Id,
        string Topic,
        string To,
        string Cc,
        string Subject,
        OutboxStatus Status,
        int Attempts,
        DateTime CreatedAtUtc,
        DateTime NextAttemptAtUtc,
        string? LastError,
        DateTime? SentAtUtc);
}
