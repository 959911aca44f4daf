using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Data;

/// <summary>
/// The invariants the pages rely on under concurrency are unique indexes in the migrated database: each
/// insert here comes from its own context, so nothing but the database can refuse the second one.
/// </summary>
public abstract class UniqueIndexTests(EmptyDatabases databases) : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await databases.NewAsync();
        await using var db = databases.Context(_connectionString);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_second_government_with_the_same_name_key_in_the_same_state_is_refused_by_the_database()
    {
        await AddAsync(db => db.Governments.Add(Government("Boulder", "CO")));

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(db => db.Governments.Add(Government("BOULDER", "CO"))));

        Assert.NotNull(second.InnerException);
        Assert.Equal(1, await CountAsync(db => db.Governments.CountAsync(g => g.NameKey == "BOULDER")));
    }

    [Fact]
    public async Task The_same_name_in_another_state_is_another_government()
    {
        await AddAsync(db => db.Governments.Add(Government("Springfield", "IL")));

        await AddAsync(db => db.Governments.Add(Government("Springfield", "MO")));

        Assert.Equal(2, await CountAsync(db => db.Governments.CountAsync(g => g.NameKey == "SPRINGFIELD")));
    }

    [Fact]
    public async Task A_second_membership_for_one_government_is_refused_by_the_database()
    {
        var government = Government("Santa Ana", "CA");
        await AddAsync(db => db.Governments.Add(government));
        await AddAsync(db => db.Memberships.Add(new Membership { GovernmentId = government.Id, AppliedAtUtc = DateTime.UtcNow }));

        var second = await Assert.ThrowsAsync<DbUpdateException>(() =>
            AddAsync(db => db.Memberships.Add(new Membership { GovernmentId = government.Id, AppliedAtUtc = DateTime.UtcNow })));

        Assert.NotNull(second.InnerException);
        Assert.Equal(1, await CountAsync(db => db.Memberships.CountAsync(m => m.GovernmentId == government.Id)));
    }

    private static Government Government(string name, string state) => new()
    {
        Name = name,
        NameKey = Domain.Members.Government.KeyFor(name),
        State = state,
        Kind = GovernmentKind.City,
        Population = 108_250,
        CensusYear = 2020,
        Mayor = new Contact { Name = "Mayor", Email = "mayor@city.example.gov", Phone = "303-555-0100" },
        Liaison = new Contact { Name = "Liaison", Email = "liaison@city.example.gov", Phone = "303-555-0101" },
        Billing = new Contact { Name = "Billing", Email = "billing@city.example.gov", Phone = "303-555-0102" },
    };

    private async Task AddAsync(Action<PortalDbContext> add)
    {
        await using var db = databases.Context(_connectionString);
        add(db);
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync(Func<PortalDbContext, Task<int>> count)
    {
        await using var db = databases.Context(_connectionString);
        return await count(db);
    }
}

public sealed class UniqueIndexTests_Sqlite(SqliteDatabases databases) : UniqueIndexTests(databases), IClassFixture<SqliteDatabases>;

public sealed class UniqueIndexTests_Postgres(PostgresDatabases databases) : UniqueIndexTests(databases), IClassFixture<PostgresDatabases>;

public sealed class UniqueIndexTests_SqlServer(SqlServerDatabases databases) : UniqueIndexTests(databases), IClassFixture<SqlServerDatabases>;
