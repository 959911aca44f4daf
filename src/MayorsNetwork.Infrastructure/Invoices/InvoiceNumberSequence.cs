namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>The last invoice number used in a fiscal year. One row per year, bumped inside the transaction that issues an invoice.</summary>
public sealed class InvoiceNumberSequence
{
    public int FiscalYear { get; set; }

    public int Last { get; set; }
}

/// <summary>A reminder already sent for an invoice, so that each is sent once (a unique index).</summary>
public sealed class InvoiceReminder
{
    public int Id { get; set; }

    public int InvoiceId { get; set; }

    public MayorsNetwork.Domain.Invoices.ReminderKind Kind { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The last day a daily job ran, claimed with a conditional update so one instance runs it.</summary>
public sealed class JobRun
{
    public required string Name { get; set; }

    public DateOnly LastRunOn { get; set; }

    public DateTime? LastRunAtUtc { get; set; }
}

public enum RenewalRunStatus
{
    Running = 1,
    Completed = 2,
}

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
