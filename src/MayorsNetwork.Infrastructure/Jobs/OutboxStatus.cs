namespace MayorsNetwork.Infrastructure.Jobs;

public enum OutboxStatus
{
    Pending = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
}
