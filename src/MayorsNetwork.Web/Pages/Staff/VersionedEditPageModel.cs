using System.Linq.Expressions;

namespace MayorsNetwork.Web.Pages.Staff;

/// <summary>
/// A staff page that edits one row carrying a <c>Version</c> (Staff/Committees/Edit, Staff/Meetings/Edit). The form
/// posts the version it was opened at; the save writes only if the row still has it (<see cref="OptimisticConcurrency"/>).
/// A stale form saves nothing: the page shows the row as it is now and who changed it, and asks again.
/// </summary>
public abstract class VersionedEditPageModel<TEntity, TInput>(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PortalPageModel
    where TEntity : class
    where TInput : class, IVersionedInput, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    protected PortalDbContext Db { get; } = db;

    /// <summary>The row's version property.</summary>
    protected abstract Expression<Func<TEntity, Guid>> VersionOf { get; }

    /// <summary>The row's name, as the messages say it ("Energy Committee is saved.").</summary>
    protected abstract string NameOf(TEntity row);

    /// <summary>Who saved the row last, if anyone.</summary>
    protected abstract string? UpdatedByOf(TEntity row);

    /// <summary>Records who saved the row, and when.</summary>
    protected abstract void Stamp(TEntity row, DateTime atUtc, string by);

    /// <summary>Sets what the page shows about the row besides the form (its name as saved, its address).</summary>
    protected abstract void Describe(TEntity row);

    /// <summary>The form filled in from the row, with the row's version.</summary>
    protected abstract TInput InputFrom(TEntity row);

    /// <summary>Checks <see cref="Input"/> (errors go to the model state) and, when it is valid, copies it to the row.</summary>
    protected abstract Task<bool> TryApplyAsync(TEntity row, CancellationToken cancellationToken);

    /// <summary>Where a saved edit goes.</summary>
    protected abstract IActionResult Saved(TEntity row);

    /// <summary>
    /// A save the database refused for a reason other than the version (a unique index): true when the page has put
    /// the reason on the model state; false lets the exception go on.
    /// </summary>
    protected virtual bool Refused(TEntity row, DbUpdateException exception) => false;

    /// <summary>The form for the row as it is now.</summary>
    protected async Task<IActionResult> EditAsync(Expression<Func<TEntity, bool>> which, CancellationToken cancellationToken)
    {
        var row = await Db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(which, cancellationToken);
        if (row is null) return NotFound();
        Describe(row);
        Input = InputFrom(row);
        return Page();
    }

    /// <summary>Saves the posted form if the row still has the version it was opened at.</summary>
    protected async Task<IActionResult> SaveAsync(Expression<Func<TEntity, bool>> which, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var posted = Input.Version;
        var row = await Db.Set<TEntity>().FirstOrDefaultAsync(which, cancellationToken);
        if (row is null) return NotFound();
        Describe(row);
        if (Db.Entry(row).Property(VersionOf).CurrentValue != posted) return Stale(row);
        if (!await TryApplyAsync(row, cancellationToken)) return Page();

        Stamp(row, clock.GetUtcNow().UtcDateTime, await users.StaffNameAsync(User));
        Db.ExpectVersion(row, VersionOf, posted);
        bool saved;
        try
        {
            saved = await Db.TrySaveAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            if (!Refused(row, e)) throw;
            return Page();
        }

        if (!saved)
        {
            var now = await Db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(which, cancellationToken);
            if (now is null) return NotFound();
            Describe(now);
            return Stale(now);
        }

        StatusMessage = $"{NameOf(row)} is saved.";
        return Saved(row);
    }

    /// <summary>Someone saved the row since this form was opened: show theirs, keep nothing of ours.</summary>
    private PageResult Stale(TEntity current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", $"{NameOf(current)} was changed by {UpdatedByOf(current) ?? "someone else"} while you were editing it; nothing was saved. Here it is as it is now; make your change again.");
        Input = InputFrom(current);
        return Page();
    }
}
