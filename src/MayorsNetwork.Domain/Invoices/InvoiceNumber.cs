namespace MayorsNetwork.Domain.Invoices;

/// <summary>Invoice numbers: the fiscal year and a sequence within it, such as 2026-000123.</summary>
public static class InvoiceNumber
{
    public static string Format(int fiscalYear, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        return string.Create(CultureInfo.InvariantCulture, $"{fiscalYear:D4}-{sequence:D6}");
    }
}
