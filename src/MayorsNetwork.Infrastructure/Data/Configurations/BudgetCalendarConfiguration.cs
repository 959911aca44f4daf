using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class BudgetCalendarConfiguration : IEntityTypeConfiguration<BudgetCalendar>
{
    public void Configure(EntityTypeBuilder<BudgetCalendar> b)
    {
        b.HasKey(c => c.GovernmentId);
        b.Property(c => c.GovernmentId).ValueGeneratedNever();
        b.Property(c => c.ChangedBy).HasMaxLength(FieldLimits.Name);
        b.HasOne<Government>().WithOne().HasForeignKey<BudgetCalendar>(c => c.GovernmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
