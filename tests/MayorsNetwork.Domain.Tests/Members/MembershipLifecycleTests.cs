using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>
/// Applied → Approved | Rejected → Invoiced → Active → Grace → Lapsed, plus Withdrawn; every move is
/// recorded with who, when and why (product.md, "Membership lifecycle").
/// </summary>
public class MembershipLifecycleTests
{
    private static readonly DateTime AppliedAt = new(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime ApprovedAt = new(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc);

    private static Government Springfield() => new()
    {
        Name = "Springfield",
        NameKey = "SPRINGFIELD",
        State = "IL",
        Kind = GovernmentKind.City,
        Population = 114_394,
    };

    private static Membership Applied() => Membership.Apply(Springfield(), "user-42", "Pat Mayor", AppliedAt);

    [Fact]
    public void Applying_records_one_history_entry_from_nothing_to_Applied()
    {
        var membership = Applied();

        Assert.Equal(MembershipStatus.Applied, membership.Status);
        Assert.Equal("user-42", membership.ApplicantUserId);
        Assert.Equal(AppliedAt, membership.AppliedAtUtc);
        Assert.Null(membership.MemberSinceUtc);
        Assert.Equal("Springfield", membership.Government.Name);
        var entry = Assert.Single(membership.History);
        Assert.Null(entry.From);
        Assert.Equal(MembershipStatus.Applied, entry.To);
        Assert.Equal(AppliedAt, entry.AtUtc);
        Assert.Equal("user-42", entry.ByUserId);
        Assert.Equal("Pat Mayor", entry.ByName);
        Assert.False(string.IsNullOrWhiteSpace(entry.Reason));
    }

    [Fact]
    public void Approving_records_who_when_and_why_and_makes_a_member()
    {
        var membership = Applied();
        var versionBefore = membership.Version;

        var change = membership.MoveTo(MembershipStatus.Approved, "staff-7", "Sam Staff", "Meets the criteria", ApprovedAt);

        Assert.Equal(MembershipStatus.Approved, membership.Status);
        Assert.Equal(2, membership.History.Count);
        Assert.Same(change, membership.History[^1]);
        Assert.Equal(MembershipStatus.Applied, change.From);
        Assert.Equal(MembershipStatus.Approved, change.To);
        Assert.Equal("staff-7", change.ByUserId);
        Assert.Equal("Sam Staff", change.ByName);
        Assert.Equal("Meets the criteria", change.Reason);
        Assert.Equal(ApprovedAt, change.AtUtc);
        Assert.NotEqual(versionBefore, membership.Version);
        Assert.Equal(ApprovedAt, membership.MemberSinceUtc);
    }

    [Fact]
    public void Every_move_changes_the_version()
    {
        var membership = Applied();
        var seen = new HashSet<Guid> { membership.Version };

        membership.MoveTo(MembershipStatus.Approved, "staff-7", "Sam Staff", "ok", ApprovedAt);
        Assert.True(seen.Add(membership.Version));
        membership.MoveTo(MembershipStatus.Invoiced, null, "System", "First invoice issued", ApprovedAt.AddMinutes(1));
        Assert.True(seen.Add(membership.Version));
        membership.MoveTo(MembershipStatus.Active, "staff-7", "Sam Staff", "Paid by check 1042", ApprovedAt.AddDays(20));
        Assert.True(seen.Add(membership.Version));
    }

    [Fact]
    public void An_illegal_move_throws_and_changes_nothing()
    {
        var membership = Applied();
        var versionBefore = membership.Version;

        var ex = Assert.Throws<InvalidMembershipTransitionException>(
            () => membership.MoveTo(MembershipStatus.Active, "staff-7", "Sam Staff", "skip ahead", ApprovedAt));

        Assert.Equal(MembershipStatus.Applied, ex.From);
        Assert.Equal(MembershipStatus.Active, ex.To);
        Assert.Contains("Applied", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Active", ex.Message, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Applied, membership.Status);
        Assert.Single(membership.History);
        Assert.Equal(versionBefore, membership.Version);
        Assert.Null(membership.MemberSinceUtc);
    }

    [Fact]
    public void A_rejected_city_may_apply_again()
    {
        var membership = Applied();
        membership.MoveTo(MembershipStatus.Rejected, "staff-7", "Sam Staff", "Population below the minimum", ApprovedAt);

        var change = membership.MoveTo(MembershipStatus.Applied, "user-42", "Pat Mayor", "Re-application with 2030 census", ApprovedAt.AddYears(4));

        Assert.Equal(MembershipStatus.Applied, membership.Status);
        Assert.Equal(MembershipStatus.Rejected, change.From);
        Assert.Equal(3, membership.History.Count);
        Assert.Null(membership.MemberSinceUtc);
    }

    [Fact]
    public void The_whole_paid_up_then_lapsed_path_is_allowed_and_recorded_in_order()
    {
        var membership = Applied();
        MembershipStatus[] path =
        [
            MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active,
            MembershipStatus.Invoiced, MembershipStatus.Grace, MembershipStatus.Lapsed,
        ];

        var at = ApprovedAt;
        foreach (var to in path)
        {
            membership.MoveTo(to, "staff-7", "Sam Staff", $"to {to}", at);
            at = at.AddDays(30);
        }

        Assert.Equal(MembershipStatus.Lapsed, membership.Status);
        Assert.Equal(
            [MembershipStatus.Applied, .. path],
            membership.History.Select(h => h.To));
        // "Member since" is the approval, not a later move.
        Assert.Equal(ApprovedAt, membership.MemberSinceUtc);
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Rejected, MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Approved, MembershipStatus.Active)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Withdrawn, MembershipStatus.Active)]
    [InlineData(MembershipStatus.Applied, MembershipStatus.Applied)]
    public void Moves_the_lifecycle_does_not_have_are_refused(MembershipStatus from, MembershipStatus to)
    {
        Assert.False(MembershipStatusRules.CanMove(from, to));
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Approved, MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Grace, MembershipStatus.Active)]
    [InlineData(MembershipStatus.Lapsed, MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Withdrawn, MembershipStatus.Applied)]
    public void Moves_the_lifecycle_has_are_allowed(MembershipStatus from, MembershipStatus to)
    {
        Assert.True(MembershipStatusRules.CanMove(from, to));
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, true)]
    [InlineData(MembershipStatus.Approved, true)]
    [InlineData(MembershipStatus.Rejected, false)]
    [InlineData(MembershipStatus.Invoiced, true)]
    [InlineData(MembershipStatus.Active, true)]
    [InlineData(MembershipStatus.Grace, true)]
    [InlineData(MembershipStatus.Lapsed, false)]
    [InlineData(MembershipStatus.Withdrawn, false)]
    public void A_new_application_is_refused_while_one_is_open_or_the_city_is_a_member(MembershipStatus status, bool openOrMember)
    {
        Assert.Equal(openOrMember, MembershipStatusRules.IsOpenOrMember(status));
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, false)]
    [InlineData(MembershipStatus.Approved, true)]
    [InlineData(MembershipStatus.Rejected, false)]
    [InlineData(MembershipStatus.Invoiced, true)]
    [InlineData(MembershipStatus.Active, true)]
    [InlineData(MembershipStatus.Grace, true)]
    [InlineData(MembershipStatus.Lapsed, false)]
    [InlineData(MembershipStatus.Withdrawn, false)]
    public void Only_approved_invoiced_active_and_grace_count_as_members(MembershipStatus status, bool member)
    {
        Assert.Equal(member, MembershipStatusRules.IsMember(status));
    }

    [Fact]
    public void Every_status_has_its_moves_defined()
    {
        foreach (var from in Enum.GetValues<MembershipStatus>())
        {
            // Would throw KeyNotFoundException for a status added to the enum but not to the rules.
            var anyMove = Enum.GetValues<MembershipStatus>().Any(to => MembershipStatusRules.CanMove(from, to));
            Assert.True(anyMove, $"{from} has no way out");
        }
    }
}
