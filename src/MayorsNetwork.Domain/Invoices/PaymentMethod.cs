namespace MayorsNetwork.Domain.Invoices;

public enum PaymentMethod
{
    Check = 1,
    Ach = 2,
    Wire = 3,
    Card = 4,
    Other = 5,
}
