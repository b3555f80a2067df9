using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Balance;

public sealed class CapacityTargetTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(TargetShares shares)
    {
        var errors = new FieldErrors();
        shares.Validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }

    [Fact]
    public void Validate_SharesAddUpTo100_NoErrors()
    {
        ErrorsOf(new TargetShares(55, 15, 20, 10, 5)).ShouldBeEmpty();
        ErrorsOf(new TargetShares(55.5m, 14.5m, 20, 10, 0)).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_SumNot100_SumError()
    {
        var errors = ErrorsOf(new TargetShares(55, 15, 20, 11, 5));
        errors.Keys.ShouldBe(["sum"]);
        errors["sum"][0].ShouldContain("101");
    }

    [Fact]
    public void Validate_ShareOutOfRangeOrTooFine_ErrorOnThatCategory()
    {
        var errors = ErrorsOf(new TargetShares(-5, 105, 0.25m, 0, 51));
        errors.Keys.ShouldBe(["run", "debt", "grow", "tolerance", "sum"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_ToleranceAtBounds_Accepted()
    {
        ErrorsOf(new TargetShares(100, 0, 0, 0, 0)).ShouldBeEmpty();
        ErrorsOf(new TargetShares(0, 0, 0, 100, 50)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("1999-12", 1999, 12)]
    public void Months_Parse_ValidMonth_FirstDay(string text, int year, int month)
    {
        Months.Parse(text).ShouldBe(new DateOnly(year, month, 1));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-3")]
    [InlineData("2026-03-01")]
    [InlineData("")]
    [InlineData(null)]
    public void Months_Parse_NotAMonth_Null(string? text)
    {
        Months.Parse(text).ShouldBeNull();
    }
}
