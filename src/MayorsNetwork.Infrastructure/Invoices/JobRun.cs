namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>The last day a daily job ran, claimed with a conditional update so one instance runs it.</summary>
public sealed class JobRun
{
    public required string Name { get; set; }

    public DateOnly LastRunOn { get; set; }

    public DateTime? LastRunAtUtc { get; set; }
}
