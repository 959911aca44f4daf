using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MayorsNetwork.BrowserTests.Support;

/// <summary>axe-core run in the page; serious and critical violations fail the test with rule ids and targets.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Fails on serious or critical violations; lesser ones are written to the test output.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {page.Url}.");
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        var lesser = result.Violations.Except(blocking).ToList();
        if (lesser.Count > 0) output?.WriteLine(Describe($"axe: {lesser.Count} minor or moderate violation(s) on {page.Url} (not failing):", lesser));
        if (blocking.Count > 0) Assert.Fail(Describe($"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:", blocking));
    }

    private static string Describe(string heading, IEnumerable<AxeResultItem> violations)
    {
        var report = new StringBuilder(heading);
        foreach (var violation in violations)
        {
            report.Append(FormattableString.Invariant($"\n- {violation.Id} ({violation.Impact}): {violation.Help}"));
            foreach (var node in violation.Nodes)
            {
                report.Append(FormattableString.Invariant($"\n    target {node.Target}: {node.Html}"));
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                    report.Append("\n      ").Append(message);
            }
        }

        return report.ToString();
    }
}
