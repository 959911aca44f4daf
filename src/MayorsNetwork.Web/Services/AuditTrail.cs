using MayorsNetwork.Infrastructure.Audit;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Records the audit trail's events that change nothing the save interceptor (<see cref="AuditRecorder"/>) could catch:
/// sign-ins, and failed sign-ins (an unknown address changes nothing at all). Changes are recorded by the interceptor.
/// </summary>
public sealed class AuditTrail(PortalDbContext db, IHttpContextAccessor httpContext, TimeProvider clock)
{
    public const string SignedIn = "Account.SignIn";
    public const string SignInFailed = "Account.SignInFailed";

    /// <summary>A sign-in that succeeded, and how (password, password and code, recovery code, passkey).</summary>
    public Task SignInAsync(PortalUser user, string method, CancellationToken cancellationToken = default) =>
        AddAsync(AuditActors.For(user, httpContext.HttpContext), SignedIn, user, AuditChanges.Details(("method", method)), cancellationToken);

    /// <summary>A sign-in that failed: the account when the address names one, else the address as typed.</summary>
    public Task SignInFailedAsync(PortalUser? user, string typedEmail, string method, string reason, CancellationToken cancellationToken = default) =>
        AddAsync(user is null ? AuditActors.Unknown(typedEmail, httpContext.HttpContext) : AuditActors.For(user, httpContext.HttpContext),
            SignInFailed, user, AuditChanges.Details(("method", method), ("reason", reason)), cancellationToken);

    private async Task AddAsync(AuditActor actor, string kind, PortalUser? user, string details, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(AuditEntry.Record(actor, at, kind, "Account", user?.Id ?? "", user?.GovernmentId, details));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Identity's own update of the account lost a race (two failed sign-ins of one account at once) and is still
            // tracked: Identity has answered already, so the account's row stays as the other request wrote it and the
            // event is recorded alone (the recorder dropped the entry with the failed save).
            foreach (var pending in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
                pending.State = EntityState.Detached;
            db.AuditEntries.Add(AuditEntry.Record(actor, at, kind, "Account", user?.Id ?? "", user?.GovernmentId, details));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
