using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

/// <summary>
/// The Data Protection key ring's table. A key's XML is about 1 KB (several with a certificate's encryption), far more
/// than the 400 characters every other string gets by convention: PostgreSQL and SQL Server refused to store the first
/// key (value too long), which aborted `migrate`. So the XML has no length limit (text / nvarchar(max)).
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.Xml).Metadata.SetMaxLength(null);
}
