using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Platform;

public sealed class ReorderingTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void Positions_EveryItemNamedOnce_NumbersThemInStepsFromTheFirst()
    {
        var positions = Reordering.Positions([C, A, B], [A, B, C], step: 10)!;

        (positions[C], positions[A], positions[B]).ShouldBe((10, 20, 30));
    }

    [Fact]
    public void Positions_AnItemAddedOrDeletedSinceTheListWasRead_IsStale()
    {
        Reordering.Positions([A, B], [A, B, C]).ShouldBeNull();
        Reordering.Positions([A, B, C], [A, B]).ShouldBeNull();
        Reordering.Positions([A, C], [A, B]).ShouldBeNull();
    }

    [Fact]
    public void Validate_MissingOrRepeatedIds_AreFieldErrorsOnIds()
    {
        var missing = new FieldErrors();
        var repeated = new FieldErrors();
        var fine = new FieldErrors();

        Reordering.Validate(null, "rule", missing);
        Reordering.Validate([A, A], "rule", repeated);
        Reordering.Validate([A, B], "rule", fine);

        (missing.Any, repeated.Any, fine.Any).ShouldBe((true, true, false));
        repeated.ToError().Fields!["ids"][0].ShouldContain("more than once");
    }
}
