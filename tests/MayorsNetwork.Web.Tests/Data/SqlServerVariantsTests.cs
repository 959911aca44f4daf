using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Data;

/// <summary>Every test class that runs on PostgreSQL runs on SQL Server too, where one is configured.</summary>
public sealed class SqlServerVariantsTests
{
    [Fact]
    public void Every_class_with_a_Postgres_variant_has_a_SqlServer_variant()
    {
        var names = typeof(SqlServerVariantsTests).Assembly.GetTypes().Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);

        var missing = names.Where(n => n.EndsWith("_Postgres", StringComparison.Ordinal))
            .Select(n => n[..^"_Postgres".Length])
            .Where(stem => !names.Contains(stem + SqlServerTests.ClassSuffix))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0,
            $"These test classes have a _Postgres variant and no _SqlServer one: {string.Join(", ", missing)}. Add, beside each _Postgres line, " +
            "`public sealed class XTests_SqlServer(SqlServerPortal portal) : XTests(portal), IClassFixture<SqlServerPortal>;` " +
            $"(it runs where {SqlServerTests.Variable} is set, and is reported as skipped elsewhere).");
    }

}
