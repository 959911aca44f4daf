namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>Staff's run issuing next year's invoices to every active member; restartable, progress shown.</summary>
public sealed class RenewalRun
{
    public int Id { get; set; }

    public int FiscalYear { get; set; }

    public RenewalRunStatus Status { get; set; } = RenewalRunStatus.Running;

    public int Total { get; set; }

    public int Issued { get; set; }

    public int Skipped { get; set; }

    public required string StartedBy { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public string? LastError { get; set; }
}
