using System.Runtime.CompilerServices;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Audit;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The audit trail's recorder (issue 15 item 5): every save made in a web request by association staff (role Staff or
/// Admin) adds an <see cref="AuditEntry"/> per entity it adds, changes or deletes, in the same save and so the same
/// transaction, so that no handler has to remember to. Account security is recorded whoever makes it (a member, or
/// nobody signed in, as in a password reset): a new password, two-step turned on or off, the authenticator key or
/// recovery codes replaced, a passkey added or removed, a role given or taken, a lockout. Sign-ins are events with no
/// change to catch, so the sign-in pages record them through <see cref="AuditTrail"/>.
///
/// Not recorded: members' own business changes (a ballot, a PO number, a resolution: not staff actions, and each has
/// its own history), applicants' sign-ups, and background work (workers have no request and no user; the changes
/// they make, such as dues lifecycle steps, keep their own history rows). Noise is skipped: outbox rows, history rows
/// that repeat the change itself, counters, versions and stamps (see <see cref="AuditChanges"/>).
///
/// An entity added with a key the database generates has no key until it is inserted: such a save is recorded after
/// its insert, inside a transaction the recorder opens when the caller has none, and committed with it.
/// </summary>
public sealed class AuditRecorder(IHttpContextAccessor httpContext, TimeProvider clock) : ISaveChangesInterceptor
{
    /// <summary>Types whose rows are never recorded: machinery, or history that repeats the recorded change.</summary>
    public static readonly HashSet<Type> Unrecorded =
    [
        typeof(OutboxMessage), typeof(DataProtectionKey), typeof(InvoiceNumberSequence), typeof(InvoiceReminder), typeof(JobRun),
        typeof(MembershipStatusChange), typeof(SeatChange), typeof(ResolutionChange), typeof(InvoiceLine),
        // Electors are fixed by the hundred when a vote opens (the vote's own entry records that); ballots are members' acts.
        typeof(Elector), typeof(Ballot),
    ];

    private readonly ConditionalWeakTable<DbContext, Deferred> _deferred = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await NoteAsync(eventData.Context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RecordDeferredAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await RecordDeferredAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context).AsTask();

    public void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context).AsTask();

    private async ValueTask NoteAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null) return;
        var http = httpContext.HttpContext;
        var staff = http is not null && AuditActors.IsStaff(http.User);
        List<Draft>? drafts = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is AuditEntry)
            {
                // Insert-only, whoever asks: an entry is never changed or deleted through the portal.
                if (entry.State != EntityState.Added)
                    throw new InvalidOperationException("Audit entries are insert-only: an entry cannot be changed or deleted.");
                continue;
            }

            // Workers have no request: nothing of theirs is recorded (see the summary); the check above still holds.
            if (http is null) continue;
            if (Describe(entry, staff) is { } draft) (drafts ??= []).Add(draft);
        }

        if (drafts is null) return;
        if (drafts.Any(d => d.HasTemporaryKey))
        {
            // Recorded once the keys exist (SavedChanges), in the caller's transaction or one opened here.
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            _deferred.AddOrUpdate(context, new Deferred(drafts, owned));
            return;
        }

        context.Set<AuditEntry>().AddRange(await EntriesAsync(context, http!, drafts, cancellationToken));
    }

    private async ValueTask RecordDeferredAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_deferred.TryGetValue(context, out var deferred)) return;
        _deferred.Remove(context);
        try
        {
            foreach (var draft in deferred.Drafts) draft.Refresh();
            context.Set<AuditEntry>().AddRange(await EntriesAsync(context, httpContext.HttpContext!, deferred.Drafts, cancellationToken));
            await context.SaveChangesAsync(cancellationToken);
            if (deferred.Owned is { } owned) await owned.CommitAsync(cancellationToken);
        }
        catch
        {
            if (deferred.Owned is { } owned) await owned.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (deferred.Owned is { } owned) await owned.DisposeAsync();
        }
    }

    private async ValueTask AbandonAsync(DbContext? context)
    {
        if (context is null) return;
        // The entries this save added go with it: a later save must not write them for a change that never happened
        // (if the caller saves the same changes again, SavingChanges records them afresh).
        foreach (var added in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
            added.State = EntityState.Detached;
        if (!_deferred.TryGetValue(context, out var deferred)) return;
        _deferred.Remove(context);
        if (deferred.Owned is { } owned)
        {
            await owned.RollbackAsync(CancellationToken.None);
            await owned.DisposeAsync();
        }
    }

    /// <summary>What to record of one changed entity, or null when it is not recorded.</summary>
    private Draft? Describe(EntityEntry entry, bool staff)
    {
        var state = entry.State;
        var type = entry.Metadata;
        if (type.IsOwned())
        {
            // An owned part (a government's mayor, a schedule's brackets) is recorded as a change to its owner.
            if (!staff) return null;
            var ownership = type.FindOwnership()!;
            var owner = ownership.PrincipalEntityType;
            while (owner.FindOwnership() is { } up) owner = up.PrincipalEntityType;
            if (owner.ClrType.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true || Unrecorded.Contains(owner.ClrType)) return null;
            return new Draft(entry, state, owner.ClrType.Name + ".Changed", owner.ClrType.Name, AuditChanges.Of(entry, state, ownership.PrincipalToDependent?.Name + "."), null);
        }

        var clr = type.ClrType;
        if (Unrecorded.Contains(clr) && !(staff && clr == typeof(Ballot))) return null;
        return entry.Entity switch
        {
            PortalUser user => Account(entry, user, staff),
            IdentityUserToken<string> token => token.Name is "AuthenticatorKey" or "RecoveryCodes"
                ? new Draft(entry, state, "Account." + token.Name, "Account", AuditChanges.Details(("token", token.Name), ("change", state.ToString())), token.UserId)
                : null,
            IdentityUserPasskey<string> passkey => state switch
            {
                EntityState.Added => new Draft(entry, state, "Account.PasskeyAdded", "Account", AuditChanges.Details(("passkey", passkey.Data?.Name)), passkey.UserId),
                EntityState.Deleted => new Draft(entry, state, "Account.PasskeyRemoved", "Account", AuditChanges.Details(("passkey", passkey.Data?.Name)), passkey.UserId),
                // A sign-in updates the passkey's signature count: not a change to record.
                _ => null,
            },
            IdentityUserRole<string> role when state != EntityState.Modified =>
                new Draft(entry, state, state == EntityState.Added ? "Account.RoleAdded" : "Account.RoleRemoved", "Account", AuditChanges.Details(("roleId", role.RoleId)), role.UserId),
            _ when !staff || clr.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true => null,
            _ => new Draft(entry, state, KindOf(entry, clr.Name), clr.Name, AuditChanges.Of(entry, state, ""), null),
        };
    }

    /// <summary>An account: its security changes whoever makes them; anything else only when staff make it.</summary>
    private Draft? Account(EntityEntry entry, PortalUser user, bool staff)
    {
        var state = entry.State;
        var changes = AuditChanges.Of(entry, state, "");
        if (state == EntityState.Modified)
        {
            bool Changed(string name) => entry.Property(name) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);
            var kind = Changed(nameof(PortalUser.PasswordHash)) ? "Account.Password"
                : Changed(nameof(PortalUser.TwoFactorEnabled)) ? "Account.TwoStep"
                : Changed(nameof(PortalUser.LockoutEnd)) && user.LockoutEnd > clock.GetUtcNow() ? "Account.LockedOut"
                : null;
            if (kind is not null) return new Draft(entry, state, kind, "Account", changes, user.Id);
            return staff && changes != "{}" ? new Draft(entry, state, "Account.Changed", "Account", changes, user.Id) : null;
        }

        return staff ? new Draft(entry, state, state == EntityState.Added ? "Account.Created" : "Account.Deleted", "Account", changes, user.Id) : null;
    }

    /// <summary>A kind that says what happened: "Invoice.Payment", "Vote.Opened", "Membership.Status", "Seat.Changed"…</summary>
    private static string KindOf(EntityEntry entry, string type)
    {
        bool Changed(string name) => entry.Metadata.FindProperty(name) is not null && entry.Property(name) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);
        return (entry.Entity, entry.State) switch
        {
            (Payment, EntityState.Added) => "Invoice.Payment",
            (Vote, EntityState.Added) => "Vote.Opened",
            (Vote v, EntityState.Modified) when Changed(nameof(Vote.IsOpen)) => v.IsOpen ? "Vote.Reopened" : "Vote.Closed",
            (Seat, EntityState.Added) => "Seat.Appointed",
            (_, EntityState.Added) => type + ".Added",
            (_, EntityState.Deleted) => type + ".Removed",
            _ when Changed("Status") => type + ".Status",
            _ => type + ".Changed",
        };
    }

    private async Task<List<AuditEntry>> EntriesAsync(DbContext db, HttpContext http, List<Draft> drafts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var signedIn = await AuditActors.SignedInAsync(http, db, cancellationToken);
        var governments = await GovernmentsAsync(db, drafts, cancellationToken);

        // Nobody signed in (a password reset, a lockout): the account the change concerns is the actor.
        var subjectIds = drafts.Where(d => d.SubjectUserId is not null).Select(d => d.SubjectUserId!).Distinct().ToList();
        var subjects = signedIn is null
            ? await db.Set<PortalUser>().AsNoTracking().Where(u => subjectIds.Contains(u.Id))
                .Select(u => new { u.Id, u.FullName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken)
            : null;
        var entries = new List<AuditEntry>(drafts.Count);
        foreach (var d in drafts)
        {
            var actor = signedIn;
            if (actor is null)
            {
                if (d.SubjectUserId is null || !subjects!.TryGetValue(d.SubjectUserId, out var s)) continue;
                actor = new AuditActor(s.Id, s.FullName, s.Email ?? "", AuditActors.Address(http));
            }

            entries.Add(AuditEntry.Record(actor, now, d.Kind, d.EntityType, d.Key, d.Government.Resolve(governments), d.Changes));
        }

        return entries;
    }

    /// <summary>The government of each membership and invoice the drafts name: from the tracked entities, else in two queries.</summary>
    private static async Task<Governments> GovernmentsAsync(DbContext db, List<Draft> drafts, CancellationToken cancellationToken)
    {
        var found = new Governments();
        var memberships = drafts.Where(d => d.Government.MembershipId is not null).Select(d => d.Government.MembershipId!.Value).ToHashSet();
        var invoices = drafts.Where(d => d.Government.InvoiceId is not null).Select(d => d.Government.InvoiceId!.Value).ToHashSet();
        if (memberships.Count == 0 && invoices.Count == 0) return found;

        foreach (var m in db.ChangeTracker.Entries<Membership>()) found.OfMembership[m.Entity.Id] = m.Entity.GovernmentId;
        foreach (var i in db.ChangeTracker.Entries<Invoice>()) found.MembershipOfInvoice[i.Entity.Id] = i.Entity.MembershipId;
        invoices.ExceptWith(found.MembershipOfInvoice.Keys);
        if (invoices.Count > 0)
        {
            foreach (var i in await db.Set<Invoice>().AsNoTracking().Where(i => invoices.Contains(i.Id)).Select(i => new { i.Id, i.MembershipId }).ToListAsync(cancellationToken))
                found.MembershipOfInvoice[i.Id] = i.MembershipId;
        }

        memberships.UnionWith(found.MembershipOfInvoice.Values);
        memberships.ExceptWith(found.OfMembership.Keys);
        if (memberships.Count > 0)
        {
            foreach (var m in await db.Set<Membership>().AsNoTracking().Where(m => memberships.Contains(m.Id)).Select(m => new { m.Id, m.GovernmentId }).ToListAsync(cancellationToken))
                found.OfMembership[m.Id] = m.GovernmentId;
        }

        return found;
    }

    private sealed record Deferred(List<Draft> Drafts, IDbContextTransaction? Owned);

    /// <summary>The memberships' governments and the invoices' memberships a save's entries name.</summary>
    private sealed class Governments
    {
        public Dictionary<int, int> OfMembership { get; } = [];

        public Dictionary<int, int> MembershipOfInvoice { get; } = [];
    }

    /// <summary>How an entry finds its city: a government id it holds, or a membership or invoice to look up.</summary>
    private sealed record GovernmentHint(int? GovernmentId, int? MembershipId, int? InvoiceId)
    {
        public static GovernmentHint Of(EntityEntry entry)
        {
            if (entry.Entity is Government g) return new(g.Id, null, null);
            return new(Read(entry, "GovernmentId"), Read(entry, "MembershipId") ?? Read(entry, "SponsorMembershipId"), Read(entry, "InvoiceId"));
        }

        public int? Resolve(Governments found)
        {
            if (GovernmentId is { } id) return id;
            var membership = MembershipId ?? (InvoiceId is { } invoice && found.MembershipOfInvoice.TryGetValue(invoice, out var m) ? m : null);
            return membership is { } ms && found.OfMembership.TryGetValue(ms, out var government) ? government : null;
        }

        private static int? Read(EntityEntry entry, string name)
        {
            if (entry.Metadata.FindProperty(name) is null) return null;
            var property = entry.Property(name);
            if (property.IsTemporary) return null;
            return (entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue) as int?;
        }
    }

    /// <summary>One entity's change, described before the save; its key and city are read again after an insert.</summary>
    private sealed class Draft(EntityEntry entry, EntityState state, string kind, string entityType, string changes, string? subjectUserId)
    {
        public string Kind { get; } = kind;

        public string EntityType { get; } = entityType;

        public string Changes { get; } = changes;

        public string? SubjectUserId { get; } = subjectUserId;

        public string Key { get; private set; } = KeyOf(entry, state);

        public GovernmentHint Government { get; private set; } = GovernmentHint.Of(entry);

        public bool HasTemporaryKey { get; } = state == EntityState.Added && entry.Properties.Any(p => p.IsTemporary);

        /// <summary>After the insert: the generated key and foreign keys are known.</summary>
        public void Refresh()
        {
            if (!HasTemporaryKey) return;
            Key = KeyOf(entry, state);
            Government = GovernmentHint.Of(entry);
        }

        private static string KeyOf(EntityEntry entry, EntityState state)
        {
            var key = entry.Metadata.FindPrimaryKey();
            if (key is null) return "";
            return string.Join("/", key.Properties.Select(p =>
            {
                var property = entry.Property(p.Name);
                return Convert.ToString(state == EntityState.Deleted ? property.OriginalValue : property.CurrentValue, CultureInfo.InvariantCulture);
            }));
        }
    }
}
