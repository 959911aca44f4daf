using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Tests.Resolutions;

/// <summary>Submitted → Referred → In committee vote → Recommended / Not recommended → In plenary vote → Adopted / Failed, each step recorded.</summary>
public class ResolutionFlowTests
{
    private static readonly DateTime Now = new(2027, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Resolution Submitted() =>
        Resolution.Submit(1, "  Supporting Transit  ", "The Conference **supports** transit.", 7, "user-1", "Mayor Kate Gallego", "Phoenix, AZ", Now);

    [Fact]
    public void A_submission_is_recorded_as_the_first_step_with_the_sponsor()
    {
        var r = Submitted();
        Assert.Equal(ResolutionStatus.Submitted, r.Status);
        Assert.Equal("Supporting Transit", r.Title);
        var first = Assert.Single(r.Changes);
        Assert.Null(first.From);
        Assert.Equal(ResolutionStatus.Submitted, first.To);
        Assert.Equal("Mayor Kate Gallego", first.ByName);
        Assert.Equal(Now, first.AtUtc);
    }

    [Fact]
    public void The_whole_flow_to_adopted_records_who_and_when_at_each_step()
    {
        var r = Submitted();
        r.Refer(3, "Energy Committee", "staff-1", "Sam Staff", Now.AddDays(1));
        r.MoveTo(ResolutionStatus.InCommitteeVote, "staff-1", "Sam Staff", "", Now.AddDays(2));
        r.MoveTo(ResolutionStatus.Recommended, "staff-1", "Sam Staff", "", Now.AddDays(2).AddHours(1));
        r.MoveTo(ResolutionStatus.InPlenaryVote, "staff-2", "Pat Staff", "", Now.AddDays(3));
        r.MoveTo(ResolutionStatus.Adopted, "staff-2", "Pat Staff", "", Now.AddDays(3).AddHours(1));

        Assert.Equal(ResolutionStatus.Adopted, r.Status);
        Assert.Equal(3, r.CommitteeId);
        Assert.Equal(
            [ResolutionStatus.Submitted, ResolutionStatus.Referred, ResolutionStatus.InCommitteeVote, ResolutionStatus.Recommended, ResolutionStatus.InPlenaryVote, ResolutionStatus.Adopted],
            r.Changes.Select(c => c.To));
        Assert.Equal("Referred to the Energy Committee.", r.Changes[1].Note);
        Assert.Equal("Pat Staff", r.Changes[^1].ByName);
        Assert.True(r.Status.IsFinal());
    }

    [Theory]
    [InlineData(ResolutionStatus.InCommitteeVote)] // not referred yet
    [InlineData(ResolutionStatus.InPlenaryVote)]
    [InlineData(ResolutionStatus.Adopted)]
    [InlineData(ResolutionStatus.Submitted)]
    public void A_submitted_resolution_cannot_skip_steps(ResolutionStatus to)
    {
        var r = Submitted();
        var ex = Assert.Throws<InvalidResolutionTransitionException>(() => r.MoveTo(to, null, "Staff", "", Now));
        Assert.Equal(ResolutionStatus.Submitted, r.Status);
        Assert.Single(r.Changes);
        Assert.Contains("Submitted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolution_not_recommended_goes_no_further()
    {
        var r = Submitted();
        r.Refer(3, "Energy Committee", null, "Staff", Now);
        r.MoveTo(ResolutionStatus.InCommitteeVote, null, "Staff", "", Now);
        r.MoveTo(ResolutionStatus.NotRecommended, null, "Staff", "", Now);
        Assert.Throws<InvalidResolutionTransitionException>(() => r.MoveTo(ResolutionStatus.InPlenaryVote, null, "Staff", "", Now));
        Assert.True(r.Status.IsFinal());
    }

    [Fact]
    public void Submission_closes_at_the_deadline()
    {
        var deadline = new DateTime(2027, 5, 19, 0, 0, 0, DateTimeKind.Utc);
        Assert.True(Resolution.IsOnTime(deadline, deadline.AddTicks(-1)));
        Assert.False(Resolution.IsOnTime(deadline, deadline));
    }

    [Fact]
    public void Title_and_text_are_required_and_bounded()
    {
        Assert.Empty(Resolution.Check("Title", "Text"));
        Assert.Equal(2, Resolution.Check(" ", "").Count);
        Assert.Contains(Resolution.Check(new string('x', Resolution.TitleMaxLength + 1), "Text"), e => e.Contains("at most 200", StringComparison.Ordinal));
        Assert.Single(Resolution.Check("Title", new string('x', Resolution.TextMaxLength + 1)));
        Assert.Empty(Resolution.Check(new string('x', Resolution.TitleMaxLength), new string('x', Resolution.TextMaxLength)));
        Assert.Null(Resolution.CheckQuorum(0));
        Assert.Null(Resolution.CheckQuorum(100));
        Assert.NotNull(Resolution.CheckQuorum(101));
        Assert.NotNull(Resolution.CheckQuorum(-1));
    }

    [Fact]
    public void Each_refusal_of_a_submission_names_the_part_it_concerns()
    {
        Assert.Equal(
            new (string, string?)[] { (Resolution.BadTitle, "Title"), (Resolution.BadText, "Text") },
            Resolution.CheckText(" ", "").Select(e => (e.Code, e.Property)));
        Assert.Equal(
            new (string, string?, string)[] { (Resolution.BadTitle, "Title", "The title can be at most 200 characters.") },
            Resolution.CheckText(new string('x', Resolution.TitleMaxLength + 1), "Text").Select(e => (e.Code, e.Property, e.Message)));
        Assert.Equal(
            new (string, string?)[] { (Resolution.BadText, "Text") },
            Resolution.CheckText("Title", new string('x', Resolution.TextMaxLength + 1)).Select(e => (e.Code, e.Property)));
        Assert.Empty(Resolution.CheckText("Title", "Text"));
    }
}
