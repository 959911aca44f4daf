using MayorsNetwork.Domain.BestPractices;
using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Domain.Tests.BestPractices;

/// <summary>Issue areas start from the subjects of the standing committees and task forces; staff rename, retire and restore them.</summary>
public class IssueAreaTests
{
    [Theory]
    [InlineData("Criminal and Social Justice Committee", BodyKind.StandingCommittee, "Criminal and Social Justice")]
    [InlineData("Hunger and Homelessness Task Force", BodyKind.TaskForce, "Hunger and Homelessness")]
    [InlineData("Climate Change", BodyKind.TaskForce, "Climate Change")]
    [InlineData("Executive Committee", BodyKind.ExecutiveCommittee, null)]
    [InlineData("Advisory Board", BodyKind.AdvisoryBoard, null)]
    public void The_subject_of_a_body_is_its_name_without_its_kind(string name, BodyKind kind, string? subject)
    {
        Assert.Equal(subject, IssueArea.SubjectOf(name, kind));
    }

    [Fact]
    public void The_first_list_has_one_area_per_active_committee_or_task_force_subject()
    {
        Body[] bodies =
        [
            new() { Name = "Executive Committee", Slug = "executive-committee", Kind = BodyKind.ExecutiveCommittee },
            new() { Name = "Energy Committee", Slug = "energy-committee", Kind = BodyKind.StandingCommittee },
            new() { Name = "Energy Task Force", Slug = "energy-task-force", Kind = BodyKind.TaskForce },
            new() { Name = "Brownfields Task Force", Slug = "brownfields-task-force", Kind = BodyKind.TaskForce },
            new() { Name = "Exports Task Force", Slug = "exports-task-force", Kind = BodyKind.TaskForce, IsActive = false },
        ];

        var areas = IssueArea.SeedFrom(bodies);

        Assert.Equal(["Energy", "Brownfields"], areas.Select(a => a.Name));
        Assert.Equal("brownfields", areas[1].Slug);
        Assert.All(areas, a => Assert.True(a.IsActive));
    }

    [Fact]
    public void Renaming_keeps_the_address_and_a_name_is_required()
    {
        var area = IssueArea.Create("Climate Change").Value;

        Assert.True(area.Rename("Climate and Resilience").Succeeded);
        Assert.Equal("Climate and Resilience", area.Name);
        Assert.Equal("climate-change", area.Slug);
        Assert.Equal(IssueArea.BadName, area.Rename(" ").Error!.Code);
        Assert.Equal(IssueArea.BadName, IssueArea.Create(new string('x', 101)).Error!.Code);

        area.Retire();
        Assert.False(area.IsActive);
        area.Restore();
        Assert.True(area.IsActive);
    }
}
