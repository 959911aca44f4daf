using System.Text.RegularExpressions;

namespace MayorsNetwork.Web.Tests.Architecture;

/// <summary>
/// Files are named for what they hold: no source file outside the migration projects declares two public top-level
/// types. Nested types (a page's InputModel and its Validator) are indented under their page and do not count.
/// </summary>
public sealed partial class OneTypePerFileTests
{
    [Fact]
    public void No_source_file_declares_two_public_top_level_types()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts[0].StartsWith("MayorsNetwork.Migrations.", StringComparison.Ordinal) || parts.Contains("bin") || parts.Contains("obj")) continue;

            // Files use file-scoped namespaces, so a top-level type starts its line; a nested one is indented.
            var types = TopLevelPublicType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            if (types.Count > 1) offenders.Add($"{relative} ({string.Join(", ", types)})");
        }

        Assert.True(offenders.Count == 0,
            "These files declare more than one public top-level type; give each type its own file named for it:\n" + string.Join("\n", offenders.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_check_counts_top_level_types_and_not_nested_ones()
    {
        const string page = """
            namespace X;

            public sealed class EditModel
            {
                public sealed class InputModel { }

                public sealed class Validator { }
            }

            public sealed record Row(int Id);
            """;

        Assert.Equal(["EditModel", "Row"], TopLevelPublicType().Matches(page).Select(m => m.Groups["name"].Value));
    }

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|record\s+struct|record\s+class|record|struct|enum|interface|delegate\s+\S+)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MayorsNetwork.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with MayorsNetwork.sln) was not found above " + AppContext.BaseDirectory);
    }
}
