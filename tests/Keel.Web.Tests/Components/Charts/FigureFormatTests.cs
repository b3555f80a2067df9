using Keel.Web.Components.Shared;

namespace Keel.Web.Tests.Components.Charts;

public sealed class FigureFormatTests
{
    [Theory]
    [InlineData(950, "EUR", "€950")]
    [InlineData(18_000, "EUR", "€18k")]
    [InlineData(1_234, "EUR", "€1.2k")]
    [InlineData(1_200_000, "EUR", "€1.2m")]
    [InlineData(999_960, "EUR", "€1m")]
    [InlineData(12_400_000, "USD", "$12m")]
    [InlineData(2_500_000_000, "GBP", "£2.5bn")]
    [InlineData(18_000, "CHF", "CHF 18k")]
    [InlineData(-3_400, "EUR", "\u2212€3.4k")]
    [InlineData(0, "EUR", "€0")]
    [InlineData(7.5, "EUR", "€7.5")]
    public void Money_Amount_ShortWithSuffix(decimal amount, string currency, string expected) =>
        FigureFormat.Money(amount, currency).ShouldBe(expected);

    [Fact]
    public void Money_NoAmount_IsADash() => FigureFormat.Money(null, "EUR").ShouldBe("—");

    [Theory]
    [InlineData(0.873, 0, "87%")]
    [InlineData(0.8755, 1, "87.6%")]
    [InlineData(1, 0, "100%")]
    public void Percent_Fraction_AsPercentage(decimal fraction, int digits, string expected) =>
        FigureFormat.Percent(fraction, digits).ShouldBe(expected);

    [Fact]
    public void Percent_Nothing_IsADash() => FigureFormat.Percent(null).ShouldBe("—");

    [Theory]
    [InlineData(3.24, "3.2×")]
    [InlineData(0.456, "0.46×")]
    [InlineData(123.4, "123×")]
    public void Ratio_ValueToCost_TwoSignificantFiguresBelowTen(decimal ratio, string expected) =>
        FigureFormat.Ratio(ratio).ShouldBe(expected);

    [Theory]
    [InlineData(76.5, "76.5")]
    [InlineData(0.25, "0.25")]
    [InlineData(1_234, "1.2k")]
    public void Number_Figure_DecimalsBelowAThousandShortAbove(decimal value, string expected) =>
        FigureFormat.Number(value).ShouldBe(expected);
}
