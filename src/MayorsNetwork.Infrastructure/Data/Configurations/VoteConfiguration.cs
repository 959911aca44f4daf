using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public const string OnePerStage = "IX_Votes_OnePerResolutionAndStage";

    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.Property(v => v.OpenedByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(v => v.OpenedBy).HasMaxLength(FieldLimits.Name);
        b.Property(v => v.ClosedByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(v => v.ClosedBy).HasMaxLength(FieldLimits.Name);
        b.Ignore(v => v.IsClosed);
        b.Ignore(v => v.Result);
        b.Ignore(v => v.Outcome);
        // A resolution has at most one committee vote and one plenary vote.
        b.HasIndex(v => new { v.ResolutionId, v.Stage }).IsUnique().HasDatabaseName(OnePerStage);
        b.HasIndex(v => v.MeetingId);
        b.HasOne(v => v.Resolution).WithMany().HasForeignKey(v => v.ResolutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Body>().WithMany().HasForeignKey(v => v.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Electors).WithOne().HasForeignKey(e => e.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Ballots).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElectorConfiguration : IEntityTypeConfiguration<Elector>
{
    public void Configure(EntityTypeBuilder<Elector> b)
    {
        b.HasKey(e => new { e.VoteId, e.MembershipId });
        b.Property(e => e.City).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.DelegateName).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.AlternateName).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.AlternateEmailKey).HasMaxLength(FieldLimits.Email);
        // Casting looks the signed-in person up by their city or by the alternate's email.
        b.HasIndex(e => new { e.VoteId, e.GovernmentId });
        b.HasIndex(e => new { e.VoteId, e.AlternateEmailKey });
        b.HasOne<Membership>().WithMany().HasForeignKey(e => e.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    /// <summary>One ballot per city per vote: the database refuses a second one, whoever sends it.</summary>
    public const string OnePerCity = "IX_Ballots_OnePerCityPerVote";

    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.Property(x => x.Choice).HasMaxLength(10);
        b.Property(x => x.CastAs).HasMaxLength(10);
        b.Property(x => x.CastByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(x => x.CastByName).HasMaxLength(FieldLimits.Name);
        b.HasIndex(x => new { x.VoteId, x.MembershipId }).IsUnique().HasDatabaseName(OnePerCity);
        // The live tally counts by choice without touching the table.
        b.HasIndex(x => new { x.VoteId, x.Choice });
        b.HasOne<Elector>().WithMany().HasForeignKey(x => new { x.VoteId, x.MembershipId }).OnDelete(DeleteBehavior.Restrict);
    }
}
