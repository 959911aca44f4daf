using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>Invoice numbers are the fiscal year and a six-digit sequence within it.</summary>
public class InvoiceNumberTests
{
    [Theory]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2026, 1, "2026-000001")]
    [InlineData(2027, 999_999, "2027-999999")]
    public void The_number_is_the_year_a_dash_and_the_sequence_in_six_digits(int year, int sequence, string expected)
    {
        Assert.Equal(expected, InvoiceNumber.Format(year, sequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void A_sequence_outside_1_to_999_999_is_refused(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvoiceNumber.Format(2026, sequence));
    }

    [Fact]
    public void The_number_does_not_depend_on_the_culture()
    {
        using var _ = new CultureScope("ar-SA");

        Assert.Equal("2026-000123", InvoiceNumber.Format(2026, 123));
    }
}
