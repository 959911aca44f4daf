using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public const string OneCredentialPerCityPerMeeting = "IX_Credentials_OnePerCityPerMeeting";

    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.Property(c => c.DelegateName).HasMaxLength(Credential.NameMaxLength);
        b.Property(c => c.AlternateName).HasMaxLength(Credential.NameMaxLength);
        b.Property(c => c.AlternateEmail).HasMaxLength(FieldLimits.Email);
        b.Property(c => c.CredentialedBy).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.CheckedInBy).HasMaxLength(FieldLimits.Name);
        b.Ignore(c => c.IsCheckedIn);
        // One credential per city per meeting: two staff credentialing the same city at once cannot both succeed.
        b.HasIndex(c => new { c.MeetingId, c.MembershipId }).IsUnique().HasDatabaseName(OneCredentialPerCityPerMeeting);
        b.HasOne(c => c.Membership).WithMany().HasForeignKey(c => c.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
