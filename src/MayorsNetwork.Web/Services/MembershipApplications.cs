using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsNetwork.Web.Services;

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
    /// <summary>Field key for errors about the government itself (duplicates): its name, which with the state says which government it is.</summary>
    public const string GovernmentField = nameof(Government.Name);

    public async Task<Outcome> SubmitAsync(NewApplication application, CancellationToken cancellationToken)
    {
        var g = application.Government;
        g.NameKey = Government.KeyFor(g.Name);
        var existing = await db.Governments.Include(x => x.Membership)
            .FirstOrDefaultAsync(x => x.NameKey == g.NameKey && x.State == g.State, cancellationToken);
        if (existing?.Membership is { } open && MembershipStatusRules.IsOpenOrMember(open.Status))
            return Outcome.Fail(AlreadyKnown(existing), GovernmentField);
        if (existing?.Membership is { } former && await db.MembershipProposals.AnyAsync(p => p.MembershipId == former.Id && p.Status == ProposalStatus.Pending, cancellationToken))
            return Outcome.Fail(InProgress(existing), GovernmentField);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new PortalUser
        {
            UserName = application.ApplicantEmail,
            Email = application.ApplicantEmail,
            FullName = application.ApplicantName,
            CreatedAtUtc = now,
        };
        // The password and address are judged the same way whether or not the address has an account, so that
        // the answer never tells a visitor which addresses do (issue 11, defect 8).
        var refused = await AccountErrorsAsync(user, application.Password);
        if (refused.Count > 0) return new Outcome(refused);
        if (await users.FindByEmailAsync(application.ApplicantEmail) is { } owner)
            return await TellOwnerAsync(owner, application.Password, now, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, application.Password);
        if (!created.Succeeded && created.Errors.Any(IsDuplicate) && await users.FindByEmailAsync(application.ApplicantEmail) is { } sameMoment)
        {
            // Another request made an account with this address a moment ago: answered as for any known address.
            await transaction.RollbackAsync(CancellationToken.None);
            return await TellOwnerAsync(sameMoment, application.Password, now, cancellationToken);
        }

        if (!created.Succeeded)
            return new Outcome(created.Errors.Select(e => new KeyValuePair<string, string>(FieldFor(e), Describe(e))).ToList());

        if (existing is null)
        {
            db.Memberships.Add(Membership.Apply(g, user.Id, user.FullName, now));
        }
        else if (existing.Membership is null)
        {
            // A government on record without a membership (never applied through the portal): nothing to protect.
            existing.UpdateFrom(g);
            db.Memberships.Add(Membership.Apply(existing, user.Id, user.FullName, now));
            g = existing;
        }
        else
        {
            // A government that was rejected, withdrew or lapsed applies again. What the form says is kept beside the
            // current record for staff to compare; the government, its status and its history stay as they are.
            // (The typed government is not tracked, so it is not saved; the email names it as typed.)
            db.MembershipProposals.Add(MembershipProposal.For(existing.Membership, g, user.Id, user.FullName, now));
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var quote = (await dues.JoiningAsync(g.Population, cancellationToken))?.Preview.Quote;
        var email = emails.ApplicationReceived(g, user.FullName, quote, links.ConfirmEmail(user.Id, token));
        email.EnqueueIn(outbox, $"Application received: {g.Name}, {g.State}", [user.Email]);
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

    /// <summary>Staff approve a re-application: its details replace the current ones and the membership is applied for, approved and invoiced.</summary>
    public Task<Outcome> ApproveProposalAsync(int membershipId, Guid version, PortalUser staff, CancellationToken cancellationToken) =>
        DecideProposalAsync(membershipId, version, staff, approve: true, "Re-application approved", cancellationToken);

    /// <summary>Staff reject a re-application: nothing current changes; the applicant is emailed the reason.</summary>
    public Task<Outcome> RejectProposalAsync(int membershipId, Guid version, PortalUser staff, string reason, CancellationToken cancellationToken) =>
        DecideProposalAsync(membershipId, version, staff, approve: false, reason, cancellationToken);

    private async Task<Outcome> DecideProposalAsync(int membershipId, Guid version, PortalUser staff, bool approve, string reason, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.Include(m => m.Government).Include(m => m.History)
            .FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        var proposal = await db.MembershipProposals.FirstOrDefaultAsync(p => p.MembershipId == membershipId && p.Status == ProposalStatus.Pending, cancellationToken);
        if (membership is null || proposal is null) return Outcome.Fail("That re-application no longer waits for a decision. Nothing was changed.");
        if (membership.Version != version) return Outcome.Fail(ChangedMeanwhile(membership));
        if (approve && MembershipStatusRules.IsOpenOrMember(membership.Status))
            return Outcome.Fail($"{membership.Government.Name}, {membership.Government.State} is {membership.Status} again (its membership came back after the re-application was made), so the re-application cannot be approved. Reject it with a reason, or update the city's record. Nothing was changed.");

        db.Entry(membership).Property(m => m.Version).OriginalValue = version;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var g = membership.Government;
        var applicant = await users.FindByIdAsync(proposal.ApplicantUserId);
        ComposedEmail? email;
        if (approve)
        {
            proposal.Approve(g, staff.FullName, now);
            membership.MoveTo(MembershipStatus.Applied, proposal.ApplicantUserId, proposal.ApplicantName, $"Applied again on {proposal.SubmittedAtUtc:yyyy-MM-dd HH:mm} UTC", now);
            membership.ApplicantUserId = proposal.ApplicantUserId;
            membership.AppliedAtUtc = proposal.SubmittedAtUtc;
            membership.MoveTo(MembershipStatus.Approved, staff.Id, staff.FullName, reason, now);
            var invoice = await invoices.IssueFirstAsync(membership, cancellationToken);
            membership.MoveTo(MembershipStatus.Invoiced, staff.Id, staff.FullName, $"Invoice {invoice.Number} issued", now);
            if (applicant is not null) applicant.GovernmentId = g.Id;
            email = applicant is null ? null : emails.ApplicationApproved(g, applicant.FullName);
        }
        else
        {
            proposal.Reject(staff.FullName, reason, now);
            // The membership's version changes too, so that two staff deciding at once cannot both succeed.
            membership.Version = Guid.NewGuid();
            var named = new Government { Name = proposal.Name, NameKey = g.NameKey, State = g.State };
            email = applicant is null ? null : emails.ApplicationRejected(named, applicant.FullName, reason);
        }

        if (applicant?.Email is { } to && email is not null)
            email.EnqueueIn(outbox, $"Re-application {(approve ? "approved" : "rejected")}: {g.Name}, {g.State}", [to]);

        return await CommitDecisionAsync(transaction, membershipId, cancellationToken);
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
            var invoice = await invoices.IssueFirstAsync(membership, cancellationToken);
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
            email.EnqueueIn(outbox, $"Application {(to == MembershipStatus.Approved ? "approved" : "rejected")}: {g.Name}, {g.State}", [to0], cc);
        }

        return await CommitDecisionAsync(transaction, membershipId, cancellationToken);
    }

    /// <summary>
    /// Saves a staff decision and commits it, or, when another staff member decided first (the version check failed,
    /// or for two approvals at once the unique index on one live invoice per member and year refused the second
    /// invoice), rolls it back and says what the application is now.
    /// </summary>
    private async Task<Outcome> CommitDecisionAsync(IDbContextTransaction transaction, int membershipId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var current = await db.Memberships.AsNoTracking().Include(m => m.History).FirstAsync(m => m.Id == membershipId, cancellationToken);
            return Outcome.Fail(ChangedMeanwhile(current));
        }

        return Outcome.Ok;
    }

    private static string ChangedMeanwhile(Membership m)
    {
        var last = m.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).FirstOrDefault();
        var who = last is null ? "" : $" by {last.ByName} at {last.AtUtc:yyyy-MM-dd HH:mm} UTC";
        return $"This application was changed by someone else while you were looking at it: it is now {m.Status}{who}. Nothing was changed; review it again below.";
    }

    private static string InProgress(Government g) =>
        $"{g.Name}, {g.State} already has an application in progress. We will be in touch; you do not need to apply again.";

    private static string AlreadyKnown(Government g) => MembershipStatusRules.IsMember(g.Membership!.Status)
        ? $"{g.Name}, {g.State} is already a member. If you need an account for your city, ask your city's existing contact or write to us."
        : $"{g.Name}, {g.State} already has an application in progress (status: {g.Membership.Status}). We will be in touch; you do not need to apply again.";

    private async Task<bool> IsDuplicateAsync(Government g, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Governments.AnyAsync(x => x.NameKey == g.NameKey && x.State == g.State, cancellationToken);
    }

    /// <summary>The topic of the email that tells an account's owner someone applied with their address.</summary>
    public const string SignUpWithYourAddressTopic = "Sign-up with an address that has an account";

    /// <summary>What creating the account would refuse, apart from the address being taken.</summary>
    private async Task<List<KeyValuePair<string, string>>> AccountErrorsAsync(PortalUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
            errors.AddRange((await validator.ValidateAsync(users, user)).Errors.Where(e => !IsDuplicate(e)));
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors.Select(e => new KeyValuePair<string, string>(FieldFor(e), Describe(e))).ToList();
    }

    /// <summary>
    /// Someone applied with an address that already has an account. Nothing is created; the page answers as for a new
    /// address, and the owner is emailed (at most once an hour, so the form cannot be used to flood them) how to sign
    /// in or reset their password, in case it was them.
    /// </summary>
    private async Task<Outcome> TellOwnerAsync(PortalUser owner, string password, DateTime now, CancellationToken cancellationToken)
    {
        // About as long as making an account takes (hashing the password is most of it), so timing does not tell either.
        _ = users.PasswordHasher.HashPassword(owner, password);
        var to = owner.Email!;
        var since = now.AddHours(-1);
        if (await db.OutboxMessages.AnyAsync(m => m.Topic == SignUpWithYourAddressTopic && m.To == to && m.CreatedAtUtc > since, cancellationToken))
            return Outcome.Ok;

        var confirmed = await users.IsEmailConfirmedAsync(owner);
        var email = emails.SignUpWithYourAddress(owner.FullName, links.Page("/Account/Login"),
            confirmed ? links.Page("/Account/ForgotPassword") : links.Page("/Account/ResendConfirmation"), confirmed);
        email.EnqueueIn(outbox, SignUpWithYourAddressTopic, [to]);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    private static bool IsDuplicate(IdentityError e) =>
        e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    private static string FieldFor(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "ApplicantEmail",
        _ => "Password",
    };

    private static string Describe(IdentityError e) => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
        ? "An account with this email address already exists. Sign in with it, or use another address."
        : e.Description;
}
