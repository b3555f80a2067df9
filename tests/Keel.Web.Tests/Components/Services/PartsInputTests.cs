using System.Globalization;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Components.Pages.Services;

namespace Keel.Web.Tests.Components.Services;

public sealed class PartsInputTests
{
    [Theory]
    [InlineData("0.600000", "60")]
    [InlineData("0.125", "12.5")]
    [InlineData("0.000001", "0.0001")]
    [InlineData("1", "100")]
    public void ToPercent_StoredFraction_ShowsWithoutTrailingZeros(string fraction, string percent) =>
        PartsInput.ToPercent(decimal.Parse(fraction, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture).ShouldBe(percent);

    [Fact]
    public void Money_MajorUnits_RoundTripThroughMinorUnits()
    {
        PartsInput.ToMinor(123_456.78m).ShouldBe(12_345_678);
        PartsInput.ToMajor(new Money(12_345_678, "EUR")).ShouldBe(123_456.78m);
    }

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("-1", "must not be negative.")]
    [InlineData("10.005", "must have at most 2 decimal places (cents).")]
    [InlineData("1000000000000.01", "is too large.")]
    [InlineData("250.5", null)]
    public void CheckMoney_RefusesWhatWouldLoseACentOrOverflow(string? major, string? message)
    {
        var errors = new FieldErrors();
        PartsInput.CheckMoney(errors, "monthly", major is null ? null : decimal.Parse(major, CultureInfo.InvariantCulture));

        PartsInput.FieldError(errors.Any ? errors.ToError() : null, "monthly").ShouldBe(message is null ? null : $"Monthly {message}");
    }

    [Theory]
    [InlineData("100.5", "must be between 0 and 100 %.")]
    [InlineData("12.34567", "must have at most 4 decimal places.")]
    [InlineData("33.3333", null)]
    public void CheckPercent_KeepsWhatAFractionOfSixDecimalsHolds(string percent, string? message)
    {
        var errors = new FieldErrors();
        PartsInput.CheckPercent(errors, "share", decimal.Parse(percent, CultureInfo.InvariantCulture));

        PartsInput.FieldError(errors.Any ? errors.ToError() : null, "share").ShouldBe(message is null ? null : $"Share {message}");
    }

    [Fact]
    public void Unplaced_ErrorsShownNextToFields_LeaveNothingForTheAlert()
    {
        var placed = new FieldErrors().Add("monthly.minor", "must not be negative.").Add("name", "is required.").ToError();
        var elsewhere = new FieldErrors().Add("consumers", "fixed shares add up to 1.2, more than 1.").ToError();

        PartsInput.Unplaced(placed, "name", "monthly").ShouldBeNull();
        PartsInput.Unplaced(elsewhere, "name", "monthly").ShouldBe(elsewhere);
        PartsInput.Unplaced(Error.Concurrency(), "name").ShouldNotBeNull();
        PartsInput.FieldError(placed, "monthly").ShouldBe("Monthly must not be negative.");
        PartsInput.FieldError(placed, "month").ShouldBeNull();
    }
}
