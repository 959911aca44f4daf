using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Infrastructure.Jobs;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the worker in this process. Switch off on instances that should only serve pages.</summary>
    public bool WorkerEnabled { get; set; } = true;

    [Range(50, 600_000)]
    public int PollMilliseconds { get; set; } = 2_000;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Messages of a batch rendered and sent at once: the number of SMTP connections a batch opens, each kept for its share of the batch.</summary>
    [Range(1, 32)]
    public int SendConcurrency { get; set; } = 8;

    /// <summary>Attempts before a message is marked Failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubles on each attempt, with jitter.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 15;

    [Range(1, 86_400)]
    public double RetryMaxSeconds { get; set; } = 3_600;

    /// <summary>How long a claim holds; a worker that dies mid-send frees its messages after this.</summary>
    [Range(1, 3_600)]
    public int LockSeconds { get; set; } = 300;
}
