using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Services;

/// <summary>What the applicant typed, already validated by the page.</summary>
public sealed record NewApplication(Government Government, string ApplicantName, string ApplicantEmail, string Password);

/// <summary>The outcome of an action: success, or errors keyed by form field ("" for the whole form).</summary>
public sealed record Outcome(IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public static readonly Outcome Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static Outcome Fail(string message, string field = "") => new([new(field, message)]);
}

/// <summary>
/// Submitting, approving and rejecting membership applications. Each action saves the change, its
/// history entry and its email (through the outbox) in one transaction.
/// </summary>
public sealed class MembershipApplications(
    PortalDbContext db,
    UserManager<PortalUser> users,
    Outbox outbox,
    MembershipEmails emails,
    DuesCalculator dues,
    InvoiceIssuer invoices,
    PortalLinks links,
    TimeProvider clock)
{
    /// <summary>Field key for errors about the government itself (duplicates).</summary>
    public const string GovernmentField = "Government";

    public async Task<Outcome> SubmitAsync(NewApplication application, CancellationToken cancellationToken)
    {
        var g = application.Government;
        g.NameKey = Government.KeyFor(g.Name);
        var existing = await db.Governments.Include(x => x.Membership)
            .FirstOrDefaultAsync(x => x.NameKey == g.NameKey && x.State == g.State, cancellationToken);
        if (existing?.Membership is { } open && MembershipStatusRules.IsOpenOrMember(open.Status))
            return Outcome.Fail(AlreadyKnown(existing), GovernmentField);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new PortalUser
        {
            UserName = application.ApplicantEmail,
            Email = application.ApplicantEmail,
            FullName = application.ApplicantName,
            CreatedAtUtc = now,
        };
        var created = await users.CreateAsync(user, application.Password);
        if (!created.Succeeded)
            return new Outcome(created.Errors.Select(e => new KeyValuePair<string, string>(FieldFor(e), Describe(e))).ToList());

        Membership membership;
        if (existing is null)
        {
            membership = Membership.Apply(g, user.Id, user.FullName, now);
            db.Memberships.Add(membership);
        }
        else
        {
            // A government that was rejected, withdrew or lapsed applies again: same record, fresh details.
            CopyDetails(g, existing);
            membership = existing.Membership ?? Membership.Apply(existing, user.Id, user.FullName, now);
            if (existing.Membership is null) db.Memberships.Add(membership);
            else
            {
                membership.MoveTo(MembershipStatus.Applied, user.Id, user.FullName, "Applied again", now);
                membership.ApplicantUserId = user.Id;
                membership.AppliedAtUtc = now;
            }

            g = existing;
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var quote = await dues.QuoteAsync(g.Population, newMember: true, cancellationToken);
        var email = emails.ApplicationReceived(g, user.FullName, quote, links.ConfirmEmail(user.Id, token));
        outbox.Enqueue($"Application received: {g.Name}, {g.State}", [user.Email], [], email.Subject, email.Text, email.Html);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone applied for the same government at the same moment; the unique index kept one.
            if (await IsDuplicateAsync(g, cancellationToken))
                return Outcome.Fail($"{g.Name}, {g.State} already has an application in progress.", GovernmentField);
            throw;
        }

        return Outcome.Ok;
    }

    public Task<Outcome> ApproveAsync(int membershipId, Guid version, PortalUser staff, CancellationToken cancellationToken) =>
        DecideAsync(membershipId, version, staff, MembershipStatus.Approved, "Application approved", cancellationToken);

    public Task<Outcome> RejectAsync(int membershipId, Guid version, PortalUser staff, string reason, CancellationToken cancellationToken) =>
        DecideAsync(membershipId, version, staff, MembershipStatus.Rejected, reason, cancellationToken);

    private async Task<Outcome> DecideAsync(int membershipId, Guid version, PortalUser staff, MembershipStatus to, string reason, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.Include(m => m.Government).Include(m => m.History)
            .FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null) return Outcome.Fail("That application no longer exists.");
        if (membership.Version != version || membership.Status != MembershipStatus.Applied)
            return Outcome.Fail(ChangedMeanwhile(membership));

        // The version the staff member saw is the one the update must find, or nothing is written.
        db.Entry(membership).Property(m => m.Version).OriginalValue = version;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        membership.MoveTo(to, staff.Id, staff.FullName, reason, now);
        if (to == MembershipStatus.Approved)
        {
            // The first invoice is issued in the same transaction as the approval.
            var invoice = await invoices.IssueAsync(membership, dues.CurrentFiscalYear.Year, InvoiceKind.FirstYear, cancellationToken);
            membership.MoveTo(MembershipStatus.Invoiced, staff.Id, staff.FullName, $"Invoice {invoice.Number} issued", now);
        }

        var g = membership.Government;
        var applicant = membership.ApplicantUserId is null ? null : await users.FindByIdAsync(membership.ApplicantUserId);
        if (to == MembershipStatus.Approved && applicant is not null) applicant.GovernmentId = g.Id;

        if (applicant?.Email is { } to0)
        {
            var email = to == MembershipStatus.Approved
                ? emails.ApplicationApproved(g, applicant.FullName)
                : emails.ApplicationRejected(g, applicant.FullName, reason);
            var cc = g.Mayor.Email.Equals(to0, StringComparison.OrdinalIgnoreCase) ? Array.Empty<string>() : [g.Mayor.Email];
            outbox.Enqueue($"Application {(to == MembershipStatus.Approved ? "approved" : "rejected")}: {g.Name}, {g.State}", [to0], cc, email.Subject, email.Text, email.Html);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another staff member decided first: the version check failed, or (for two approvals at once)
            // the unique index on one live invoice per member and year refused the second invoice.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var now2 = await db.Memberships.AsNoTracking().Include(m => m.History).FirstAsync(m => m.Id == membershipId, cancellationToken);
            return Outcome.Fail(ChangedMeanwhile(now2));
        }

        return Outcome.Ok;
    }

    private static string ChangedMeanwhile(Membership m)
    {
        var last = m.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).FirstOrDefault();
        var who = last is null ? "" : $" by {last.ByName} at {last.AtUtc:yyyy-MM-dd HH:mm} UTC";
        return $"This application was changed by someone else while you were looking at it: it is now {m.Status}{who}. Nothing was changed; review it again below.";
    }

    private static string AlreadyKnown(Government g) => MembershipStatusRules.IsMember(g.Membership!.Status)
        ? $"{g.Name}, {g.State} is already a member. If you need an account for your city, ask your city's existing contact or write to us."
        : $"{g.Name}, {g.State} already has an application in progress (status: {g.Membership.Status}). We will be in touch; you do not need to apply again.";

    private async Task<bool> IsDuplicateAsync(Government g, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Governments.AnyAsync(x => x.NameKey == g.NameKey && x.State == g.State, cancellationToken);
    }

    private static void CopyDetails(Government from, Government to)
    {
        to.Name = from.Name;
        to.Kind = from.Kind;
        to.Population = from.Population;
        to.CensusYear = from.CensusYear;
        to.MayorTitle = from.MayorTitle;
        to.Mayor = from.Mayor;
        to.MayorTermEnds = from.MayorTermEnds;
        to.Liaison = from.Liaison;
        to.Billing = from.Billing;
    }

    private static string FieldFor(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "ApplicantEmail",
        _ => "Password",
    };

    private static string Describe(IdentityError e) => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
        ? "An account with this email address already exists. Sign in with it, or use another address."
        : e.Description;
}
