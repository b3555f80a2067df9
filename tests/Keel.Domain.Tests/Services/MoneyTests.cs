using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Domain.Tests.Services;

public sealed class MoneyTests
{
    [Fact]
    public void Add_SameCurrency_AddsMinorUnits()
    {
        var sum = new Money(1_050, "EUR").Add(new Money(250, "EUR"));

        sum.IsSuccess.ShouldBeTrue();
        sum.Value.ShouldBe(new Money(1_300, "EUR"));
    }

    [Fact]
    public void Add_DifferentCurrencies_IsRefusedWithAFieldError()
    {
        var sum = new Money(100, "EUR").Add(new Money(100, "USD"));

        sum.IsSuccess.ShouldBeFalse();
        sum.Error!.Code.ShouldBe("validation_failed");
        sum.Error.Fields!.ShouldContainKey("currency");
    }

    [Fact]
    public void PlusOperator_DifferentCurrencies_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new Money(1, "EUR") + new Money(1, "GBP"));
    }

    [Fact]
    public void Add_Overflow_ThrowsRatherThanWrapping()
    {
        Should.Throw<OverflowException>(() => new Money(long.MaxValue, "EUR").Add(new Money(1, "EUR")));
    }

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCurrencyCode_ThreeUpperCaseLetters_OnlyThoseAccepted(string? code, bool expected) =>
        Money.IsCurrencyCode(code).ShouldBe(expected);

    [Fact]
    public void Validate_OtherThanTheOrganizationCurrencyOrNegative_IsRefused()
    {
        var errors = new FieldErrors();
        new Money(-5, "USD").Validate(errors, "monthly", "EUR");

        var fields = errors.ToError().Fields!;
        fields.ShouldContainKey("monthly.currency");
        fields.ShouldContainKey("monthly.minor");
    }

    [Fact]
    public void ToString_ShowsMajorUnitsWithTwoDecimals() =>
        new Money(123_456, "EUR").ToString().ShouldBe("1234.56 EUR");
}
