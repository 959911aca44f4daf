using System.Buffers.Binary;
using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Stored passwords are PBKDF2 hashes in Identity's version 3 format with at least 210,000 iterations (ASVS). On each database.</summary>
public abstract class PasswordHashingTests(PortalFixture portal)
{
    private const int MinimumIterations = 210_000;

    [Fact]
    public async Task A_stored_password_is_a_version_3_hash_with_at_least_210000_iterations()
    {
        var email = await TestAccounts.CreateAsync(portal);

        var hash = Decode((await TestAccounts.FindAsync(portal, email)).PasswordHash!);

        Assert.Equal(0x01, hash.Format);
        Assert.Equal(KeyDerivationPrf.HMACSHA512, hash.Prf);
        Assert.True(hash.Iterations >= MinimumIterations, $"Only {hash.Iterations} iterations.");
        Assert.True(hash.SaltLength >= 16, $"Salt of {hash.SaltLength} bytes.");
        Assert.True(hash.SubkeyLength >= 32, $"Subkey of {hash.SubkeyLength} bytes.");
        Assert.DoesNotContain(PortalFixture.Password, (await TestAccounts.FindAsync(portal, email)).PasswordHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_hashed_with_fewer_iterations_is_rehashed_when_its_owner_signs_in()
    {
        var email = await TestAccounts.CreateAsync(portal, "Olive Oldhash");
        await portal.WithScopeAsync(async sp =>
        {
            // As an older release of the portal would have stored it.
            var weak = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PasswordHash = weak.HashPassword(user, PortalFixture.Password);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        Assert.Equal(100_000, Decode((await TestAccounts.FindAsync(portal, email)).PasswordHash!).Iterations);

        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        Assert.Contains("Welcome, Olive Oldhash", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
        Assert.True(Decode((await TestAccounts.FindAsync(portal, email)).PasswordHash!).Iterations >= MinimumIterations);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password))).Status);
    }

    /// <summary>
    /// Identity V3: byte 0 = 0x01; PRF, iteration count and salt length as 4-byte big-endian integers;
    /// then the salt and the subkey.
    /// </summary>
    private static (byte Format, KeyDerivationPrf Prf, int Iterations, int SaltLength, int SubkeyLength) Decode(string stored)
    {
        var bytes = Convert.FromBase64String(stored);
        Assert.True(bytes.Length > 13, "The hash is too short to be Identity's version 3 format.");
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9, 4));
        return (bytes[0],
            (KeyDerivationPrf)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)),
            saltLength,
            bytes.Length - 13 - saltLength);
    }

    /// <summary>The PRF numbers Identity writes (Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivationPrf).</summary>
    private enum KeyDerivationPrf
    {
        HMACSHA1 = 0,
        HMACSHA256 = 1,
        HMACSHA512 = 2,
    }
}

public sealed class PasswordHashingTests_Sqlite(SqlitePortal portal) : PasswordHashingTests(portal), IClassFixture<SqlitePortal>;

public sealed class PasswordHashingTests_Postgres(PostgresPortal portal) : PasswordHashingTests(portal), IClassFixture<PostgresPortal>;

public sealed class PasswordHashingTests_SqlServer(SqlServerPortal portal) : PasswordHashingTests(portal), IClassFixture<SqlServerPortal>;
