using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Audit;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Infrastructure.Data;

/// <summary>
/// The one database context, for SQLite and PostgreSQL alike. Each provider has its own migrations
/// project (MayorsNetwork.Migrations.Sqlite, MayorsNetwork.Migrations.Postgres).
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring when DataProtection:Store is Database (the default on PostgreSQL and SQL Server).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Government> Governments => Set<Government>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<MembershipStatusChange> MembershipStatusChanges => Set<MembershipStatusChange>();

    public DbSet<MembershipProposal> MembershipProposals => Set<MembershipProposal>();

    public DbSet<BillingContactChange> BillingContactChanges => Set<BillingContactChange>();

    public DbSet<DuesSchedule> DuesSchedules => Set<DuesSchedule>();

    /// <summary>Population figures staff recorded for a fiscal year, with their history (issue 14, next year's dues).</summary>
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    /// <summary>Population CSVs that passed their dry run, kept until confirmed (issue 14).</summary>
    public DbSet<PopulationUpload> PopulationUploads => Set<PopulationUpload>();

    /// <summary>Each member city's fiscal-year start month and last budget notice (issue 14).</summary>
    public DbSet<BudgetCalendar> BudgetCalendars => Set<BudgetCalendar>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<InvoiceNumberSequence> InvoiceNumberSequences => Set<InvoiceNumberSequence>();

    public DbSet<InvoiceReminder> InvoiceReminders => Set<InvoiceReminder>();

    /// <summary>Invoices whose payment awaits council approval (issue 14), with their changes.</summary>
    public DbSet<CouncilHold> CouncilHolds => Set<CouncilHold>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<RenewalRun> RenewalRuns => Set<RenewalRun>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<SeatChange> SeatChanges => Set<SeatChange>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Resolution> Resolutions => Set<Resolution>();

    public DbSet<ResolutionChange> ResolutionChanges => Set<ResolutionChange>();

    public DbSet<Cosponsor> Cosponsors => Set<Cosponsor>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<Elector> Electors => Set<Elector>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    /// <summary>The association's W-9 and ACH/remittance form, every version uploaded (issue 14).</summary>
    public DbSet<AssociationDocument> AssociationDocuments => Set<AssociationDocument>();

    /// <summary>The audit trail (issue 15 item 5): insert-only.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    /// <summary>Identity's store settings for a context made without the web app's services (see OnConfiguring).</summary>
    private static readonly IServiceProvider IdentityStoreSettings = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    /// <summary>
    /// Identity builds its tables for the schema version it reads from the application's IdentityOptions: the web app
    /// sets version 3 (passkeys, AspNetUserPasskeys). A context made without the app (`dotnet ef`, the tests' and
    /// benchmarks' own contexts) has no such services, and would build version 1, which differs from the migrations'
    /// snapshot; it gets version 3 here too, so every context has the one model.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
            optionsBuilder.UseApplicationServiceProvider(IdentityStoreSettings);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money: whole cents in dues amounts, sub-cent per-capita rates.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        // Enums are stored by name, readable in the database and safe to reorder; 20 characters unless a configuration says otherwise.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }
}
