using MayorsNetwork.Domain.Awards;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>Applying: once per city per cycle, in the category of the city's population, editable until the deadline to the second, locked from it.</summary>
public class AwardApplicationTests
{
    [Theory]
    [InlineData(-10_000_000L, true)] // one second before
    [InlineData(-1L, true)] // one tick (100 ns) before
    [InlineData(0L, false)] // at the deadline
    [InlineData(10_000_000L, false)] // one second after
    public void Applications_are_accepted_until_the_deadline_to_the_second(long ticksFromDeadline, bool accepted)
    {
        var cycle = AwardExamples.Cycle();
        var now = AwardExamples.Deadline.AddTicks(ticksFromDeadline);

        var result = AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000), AwardExamples.Content(), false, now);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
            Assert.Equal(new RuleError(AwardApplication.Locked, "The deadline, March 31, 2027 at 17:00:00 UTC, has passed: applications are closed."), result.Error);
    }

    [Fact]
    public void An_application_is_edited_until_the_last_second_and_locked_at_the_deadline()
    {
        var cycle = AwardExamples.Cycle();
        var application = AwardExamples.Application(cycle, 1, 50, 60_000);

        Assert.True(application.Edit(cycle, 50, AwardExamples.Content() with { Title = "Cooler streets" }, AwardExamples.Deadline.AddSeconds(-1)).Succeeded);
        Assert.Equal("Cooler streets", application.Title);

        var locked = application.Edit(cycle, 50, AwardExamples.Content() with { Title = "Too late" }, AwardExamples.Deadline);

        Assert.Equal(AwardApplication.Locked, locked.Error!.Code);
        Assert.Equal("The deadline, March 31, 2027 at 17:00:00 UTC, has passed: the application is locked.", locked.Error.Message);
        Assert.Equal("Cooler streets", application.Title);
    }

    [Fact]
    public void A_city_applies_once_per_cycle()
    {
        var cycle = AwardExamples.Cycle();

        var second = AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000, "Ames, IA"), AwardExamples.Content(), alreadyApplied: true, AwardExamples.Opened);

        Assert.Equal(new RuleError(AwardApplication.AlreadyApplied, "Ames, IA has already applied in 2027 City Livability Awards; edit that application instead."), second.Error);
    }

    [Fact]
    public void The_category_follows_the_population_when_applying()
    {
        var cycle = AwardExamples.Cycle();

        Assert.Equal(10, AwardExamples.Application(cycle, 1, 50, 99_999).CategoryId);
        Assert.Equal(11, AwardExamples.Application(cycle, 2, 51, 100_000).CategoryId);
    }

    [Fact]
    public void A_city_no_category_covers_cannot_apply()
    {
        var draft = AwardExamples.Draft() with { Categories = [new(30_000, null, 1, 10_000m)] };
        var cycle = AwardCycle.Open(draft, 3, "Staff", AwardExamples.Opened).Value;

        var result = AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 29_000), AwardExamples.Content(), false, AwardExamples.Opened);

        Assert.Equal("No prize category of 2027 City Livability Awards covers a population of 29,000.", result.Error!.Message);
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Lapsed)]
    public void Only_members_in_good_standing_apply(MembershipStatus status)
    {
        var result = AwardApplication.Submit(AwardExamples.Cycle(), AwardExamples.Applicant(50, 60_000) with { Status = status }, AwardExamples.Content(), false, AwardExamples.Opened);

        Assert.Equal(AwardApplication.NotMember, result.Error!.Code);
    }

    [Fact]
    public void The_form_needs_its_texts_and_one_PDF_of_at_most_10_MB()
    {
        var cycle = AwardExamples.Cycle();
        var empty = new AwardApplicationContent(" ", null, new string('n', 20_001), null);

        var errors = AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000), empty, false, AwardExamples.Opened).Errors;

        Assert.Equal(["Title", "Summary", "Narrative", "Attachment"], errors.Select(e => e.Property));
        Assert.Equal("Attach the application as one PDF.", errors[3].Message);
        Assert.True(AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000), AwardExamples.Content(10L * 1024 * 1024), false, AwardExamples.Opened).Succeeded);
        Assert.Equal("The PDF can be at most 10 MB.", AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000), AwardExamples.Content((10L * 1024 * 1024) + 1), false, AwardExamples.Opened).Error!.Message);
        Assert.Equal("The PDF is empty.", AwardApplication.Submit(cycle, AwardExamples.Applicant(50, 60_000), AwardExamples.Content(0), false, AwardExamples.Opened).Error!.Message);
    }

    [Fact]
    public void An_edit_may_keep_the_attached_PDF_and_only_the_city_edits()
    {
        var cycle = AwardExamples.Cycle();
        var application = AwardExamples.Application(cycle, 1, 50, 60_000);

        Assert.True(application.Edit(cycle, 50, AwardExamples.Content() with { Attachment = null }, AwardExamples.Opened.AddDays(2)).Succeeded);
        Assert.Equal("application.pdf", application.AttachmentFileName);
        Assert.Equal(AwardApplication.NotYours, application.Edit(cycle, 51, AwardExamples.Content(), AwardExamples.Opened.AddDays(2)).Error!.Code);
    }
}
