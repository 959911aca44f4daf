using MayorsNetwork.Domain.BestPractices;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.BestPractices;

/// <summary>
/// A best practice's fields and status flow: the city drafts, edits and submits (and may withdraw); staff publish or
/// return with a note, also after publishing; only the city's own mayor or liaison edits; three images at most.
/// </summary>
public class BestPracticeFlowTests
{
    private static readonly DateTime Now = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlySet<int> Areas = new HashSet<int> { 1, 2 };
    private static readonly BestPracticeActor Mayor = BestPracticeActor.CityOfficial("u-mayor", "Mayor Kate Gallego", 3);
    private static readonly BestPracticeActor OtherCity = BestPracticeActor.CityOfficial("u-other", "Mayor Other", 4);
    private static readonly BestPracticeActor Staff = BestPracticeActor.Staff("u-staff", "Sam Staff");

    private static BestPracticeContent Complete() => new(
        "Cool pavement on 100 miles of streets", 1, "A reflective coating lowered surface temperatures.", "Extreme heat.",
        "Coated 100 miles of residential streets.", "Surface 10.5 °F cooler on average.", "$3.2 million", "Arizona State University",
        "Heat Response Office", "heat@phoenix.gov");

    [Fact]
    public void A_member_citys_mayor_starts_a_draft_that_only_needs_a_title()
    {
        var result = BestPractice.Start(Mayor, MembershipStatus.Active, new BestPracticeContent("Cool pavement", null, null, null, null, null, null, null, null, null), Areas, Now);

        var practice = result.Value;
        Assert.Equal(BestPracticeStatus.Draft, practice.Status);
        Assert.Equal(3, practice.MembershipId);
        Assert.Equal("Cool pavement", practice.Title);
        Assert.True(practice.IsEditable);
        Assert.Equal(BestPracticeStatus.Draft, Assert.Single(practice.Changes).To);
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Applied)]
    public void Only_member_cities_in_good_standing_share(MembershipStatus status)
    {
        Assert.Equal(BestPractice.NotAllowed, BestPractice.Start(Mayor, status, Complete(), Areas, Now).Error!.Code);
        Assert.True(BestPractice.Start(Mayor, MembershipStatus.Grace, Complete(), Areas, Now).Succeeded);
    }

    [Fact]
    public void Staff_do_not_write_a_citys_practice()
    {
        Assert.Equal(BestPractice.NotAllowed, BestPractice.Start(Staff, MembershipStatus.Active, Complete(), Areas, Now).Error!.Code);
    }

    [Fact]
    public void Submitting_needs_every_required_field_each_reported_under_its_name()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, new BestPracticeContent("T", null, null, null, null, null, null, null, null, null), Areas, Now).Value;

        var result = practice.Submit(Mayor, Areas, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(["Summary", "Challenge", "Actions", "Results", "ContactName", "ContactEmail", "IssueAreaId"], result.Errors.Select(e => e.Property));
        Assert.Equal("Enter what the city did.", result.Errors.Single(e => e.Property == "Actions").Message);
        Assert.Equal(BestPracticeStatus.Draft, practice.Status);
    }

    [Fact]
    public void Lengths_emails_and_areas_are_checked()
    {
        var bad = Complete() with { Title = new string('t', 201), ContactEmail = "heat at phoenix", IssueAreaId = 9, Cost = new string('c', 501) };

        var errors = BestPractice.Check(bad, Areas, complete: true);

        Assert.Contains(errors, e => e is { Property: "Title", Code: BestPractice.TooLong, Message: "The title can be at most 200 characters." });
        Assert.Contains(errors, e => e is { Property: "ContactEmail", Code: BestPractice.BadEmail });
        Assert.Contains(errors, e => e is { Property: "IssueAreaId", Code: BestPractice.BadArea });
        Assert.Contains(errors, e => e is { Property: "Cost", Code: BestPractice.TooLong });
    }

    [Fact]
    public void The_whole_flow_from_draft_to_published_is_recorded()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, Complete(), Areas, Now).Value;

        Assert.True(practice.Submit(Mayor, Areas, Now.AddMinutes(1)).Succeeded);
        Assert.False(practice.IsEditable);
        Assert.Equal(BestPractice.WrongStatus, practice.Edit(Mayor, Complete(), Areas, Now).Error!.Code);
        Assert.True(practice.Return(Staff, "Please give the cost per mile.", Now.AddDays(1)).Succeeded);
        Assert.Equal("Please give the cost per mile.", practice.ReturnNote);
        Assert.True(practice.Edit(Mayor, Complete() with { Cost = "$32,000 a mile" }, Areas, Now.AddDays(2)).Succeeded);
        Assert.True(practice.Submit(Mayor, Areas, Now.AddDays(2)).Succeeded);
        Assert.True(practice.Publish(Staff, Now.AddDays(3)).Succeeded);

        Assert.Equal(BestPracticeStatus.Published, practice.Status);
        Assert.Equal(Now.AddDays(3), practice.PublishedAtUtc);
        Assert.Null(practice.ReturnNote);
        Assert.Equal("$32,000 a mile", practice.Cost);
        Assert.Equal(
            [BestPracticeStatus.Draft, BestPracticeStatus.Submitted, BestPracticeStatus.Returned, BestPracticeStatus.Submitted, BestPracticeStatus.Published],
            practice.Changes.Select(c => c.To));
        Assert.Equal("Sam Staff", practice.Changes[2].ByName);
        Assert.Equal("Please give the cost per mile.", practice.Changes[2].Note);
    }

    [Fact]
    public void Only_staff_publish_or_return_and_a_return_needs_a_note()
    {
        var practice = Submitted();

        Assert.Equal(BestPractice.NotAllowed, practice.Publish(Mayor, Now).Error!.Code);
        Assert.Equal(BestPractice.NotAllowed, practice.Return(Mayor, "x", Now).Error!.Code);
        Assert.Equal(new RuleError(BestPractice.NoteNeeded, "Write a note telling the city what to change.", "Note"), practice.Return(Staff, "  ", Now).Error);
        Assert.Equal(BestPracticeStatus.Submitted, practice.Status);
    }

    [Fact]
    public void Staff_take_down_a_published_practice_by_returning_it()
    {
        var practice = Submitted();
        practice.Publish(Staff, Now);

        Assert.True(practice.Return(Staff, "The results figures are disputed.", Now.AddDays(1)).Succeeded);
        Assert.Equal(BestPracticeStatus.Returned, practice.Status);
        Assert.True(practice.IsEditable);
    }

    [Fact]
    public void A_draft_cannot_be_published_or_returned()
    {
        var draft = BestPractice.Start(Mayor, MembershipStatus.Active, Complete(), Areas, Now).Value;

        Assert.Equal(BestPractice.WrongStatus, draft.Publish(Staff, Now).Error!.Code);
        Assert.Equal(BestPractice.WrongStatus, draft.Return(Staff, "No", Now).Error!.Code);
    }

    [Fact]
    public void The_city_withdraws_a_submitted_practice_to_edit_it()
    {
        var practice = Submitted();

        Assert.True(practice.Withdraw(Mayor, Now).Succeeded);
        Assert.Equal(BestPracticeStatus.Draft, practice.Status);
        Assert.Equal(BestPractice.WrongStatus, practice.Withdraw(Mayor, Now).Error!.Code);
    }

    [Fact]
    public void Another_city_cannot_edit_submit_or_withdraw()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, Complete(), Areas, Now).Value;

        Assert.Equal(BestPractice.NotAllowed, practice.Edit(OtherCity, Complete(), Areas, Now).Error!.Code);
        Assert.Equal(BestPractice.NotAllowed, practice.Submit(OtherCity, Areas, Now).Error!.Code);
        Assert.Equal(BestPractice.NotAllowed, practice.Edit(Staff, Complete(), Areas, Now).Error!.Code);
    }

    [Fact]
    public void A_practice_may_keep_an_area_retired_since_but_not_move_to_one()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, Complete() with { IssueAreaId = 2 }, Areas, Now).Value;
        var onlyOne = new HashSet<int> { 1 }; // area 2 retired

        Assert.True(practice.Edit(Mayor, Complete() with { IssueAreaId = 2, Title = "New title" }, onlyOne, Now).Succeeded);
        Assert.True(practice.Submit(Mayor, onlyOne, Now).Succeeded);
        var other = BestPractice.Start(Mayor, MembershipStatus.Active, Complete() with { IssueAreaId = 1 }, Areas, Now).Value;
        Assert.Equal(BestPractice.BadArea, other.Edit(Mayor, Complete() with { IssueAreaId = 2 }, onlyOne, Now).Error!.Code);
    }

    [Fact]
    public void Three_images_at_most_and_only_while_editable()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, Complete(), Areas, Now).Value;

        Assert.Null(practice.CannotAddImage(Mayor, 2));
        Assert.Equal(BestPractice.TooManyImages, practice.CannotAddImage(Mayor, 3)!.Code);
        Assert.Equal(BestPractice.NotAllowed, practice.CannotAddImage(OtherCity, 0)!.Code);
        practice.Submit(Mayor, Areas, Now);
        Assert.Equal(BestPractice.WrongStatus, practice.CannotAddImage(Mayor, 0)!.Code);
    }

    private static BestPractice Submitted()
    {
        var practice = BestPractice.Start(Mayor, MembershipStatus.Active, Complete(), Areas, Now).Value;
        Assert.True(practice.Submit(Mayor, Areas, Now).Succeeded);
        return practice;
    }
}
