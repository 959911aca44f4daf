using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("MayorsNetwork.Web.Tests.Support.PortalTestFramework", "MayorsNetwork.Web.Tests")]

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// xunit's own framework, with one change to discovery: where no SQL Server is configured, every test of a class named
/// <c>…_SqlServer</c> is reported as skipped, with <see cref="SqlServerTests.SkipReason"/>, so the run's closing line
/// counts them as skipped rather than passed (a test that returned early) or failed (a server that was never there).
/// xunit 2 has no skip decided at run time, so the decision is made here, where test cases are made.
/// </summary>
public sealed class PortalTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (SqlServerTests.SkipReason is null || !testMethod.TestClass.Class.Name.EndsWith(SqlServerTests.ClassSuffix, StringComparison.Ordinal))
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any()) return true;
            // One skipped case per test method (a theory's rows are not expanded: none of them could run).
            var testCase = new SqlServerSkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test of a <c>…_SqlServer</c> class where no SQL Server is configured: skipped, with the reason.</summary>
public sealed class SqlServerSkippedTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SqlServerSkippedTestCase()
    {
    }

    public SqlServerSkippedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => SqlServerTests.SkipReason ?? base.GetSkipReason(factAttribute);
}
