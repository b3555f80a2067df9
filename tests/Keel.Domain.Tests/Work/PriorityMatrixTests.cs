using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class PriorityMatrixTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(2, 1, 2)]
    [InlineData(1, 3, 3)]
    [InlineData(2, 2, 3)]
    [InlineData(3, 1, 3)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 2, 4)]
    [InlineData(3, 3, 4)]
    public void Default_ImpactAndUrgency_PriorityOfApiContract(int impact, int urgency, int priority) =>
        PriorityMatrix.Default.PriorityOf(impact, urgency).ShouldBe(priority);

    [Fact]
    public void Default_IsValid()
    {
        var errors = new FieldErrors();
        PriorityMatrix.Default.Validate(errors);
        errors.Any.ShouldBeFalse();
    }

    [Fact]
    public void Validate_HigherImpactRanksLower_Refused()
    {
        // impact 2 × urgency 1 made critical while impact 1 × urgency 1 stays at 2.
        var errors = new FieldErrors();
        new PriorityMatrix([2, 2, 3, 1, 3, 4, 3, 4, 4]).Validate(errors);
        errors.ToError().Fields!["cells"].ShouldHaveSingleItem().ShouldContain("impact 2 × urgency 1");
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 0, 2, 3, 2, 3, 4, 3, 4, 4 })]
    [InlineData(new[] { 1, 2, 3, 2, 3, 4, 3, 4, 5 })]
    public void Validate_WrongShapeOrRange_Refused(int[] cells)
    {
        var errors = new FieldErrors();
        new PriorityMatrix(cells).Validate(errors);
        errors.Any.ShouldBeTrue();
    }

    [Fact]
    public void PriorityOf_OutOfRange_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => PriorityMatrix.Default.PriorityOf(0, 4));
}
