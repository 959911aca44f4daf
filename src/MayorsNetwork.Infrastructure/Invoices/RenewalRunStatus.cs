namespace MayorsNetwork.Infrastructure.Invoices;

public enum RenewalRunStatus
{
    Running = 1,
    Completed = 2,
}
