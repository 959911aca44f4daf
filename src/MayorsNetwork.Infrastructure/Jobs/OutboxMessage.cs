namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it, so
/// nothing a user did is lost when the mail server is down. The worker claims, sends and retries it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What the message is about, for staff ("Application received", "Invoice 2026-000123").</summary>
    public required string Topic { get; set; }

    /// <summary>Addresses separated by commas.</summary>
    public required string To { get; set; }

    public string Cc { get; set; } = "";

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>Stable per message: a resend after a crash carries the same Message-ID.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>Which worker holds the message, and until when; an expired lock means the worker died.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>
    /// New at every claim, cleared when the result is recorded, and a concurrency token: a worker records a result only
    /// while the row still carries its claim's token. A worker that stalled past its lock, and whose messages another
    /// worker has claimed since, finds the token changed and records nothing (issue 11, defect 6).
    /// </summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>When set, the invoice is rendered as a PDF at sending time and attached.</summary>
    public int? InvoiceId { get; set; }

    public MayorsNetwork.Domain.Invoices.Invoice? Invoice { get; set; }

    /// <summary>When set, the payment's receipt (or acknowledgement of a part payment) is rendered as a PDF at sending time and attached (issue 14).</summary>
    public int? PaymentId { get; set; }

    public MayorsNetwork.Domain.Invoices.Payment? Payment { get; set; }
}
