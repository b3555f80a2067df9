using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class WorkNumberTests
{
    [Theory]
    [InlineData(WorkKind.Incident, 1, "INC0000001")]
    [InlineData(WorkKind.Request, 42, "REQ0000042")]
    [InlineData(WorkKind.Task, 9_999_999, "TSK9999999")]
    [InlineData(WorkKind.Problem, 7, "PRB0000007")]
    [InlineData(WorkKind.Change, 1234, "CHG0001234")]
    public void Format_KindAndSequence_PrefixAndSevenDigits(WorkKind kind, long sequence, string expected)
    {
        WorkNumber.Format(kind, sequence).ShouldBe(expected);
        WorkNumber.TryParse(expected.ToLowerInvariant(), out var parsedKind, out var parsed).ShouldBeTrue();
        parsedKind.ShouldBe(kind);
        parsed.ShouldBe(sequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("INC000001")]
    [InlineData("INC00000012")]
    [InlineData("XYZ0000001")]
    [InlineData("INC00000a1")]
    [InlineData("INC0000000")]
    public void TryParse_NotANumber_False(string? text) => WorkNumber.TryParse(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void TryNormalize_NumberOfAnotherKind_False()
    {
        WorkNumber.TryNormalize("REQ0000001", WorkKind.Incident, out _).ShouldBeFalse();
        WorkNumber.TryNormalize("inc0000001", WorkKind.Incident, out var normalized).ShouldBeTrue();
        normalized.ShouldBe("INC0000001");
    }
}
