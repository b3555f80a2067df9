using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class WorkEventTests
{
    [Fact]
    public void Change_OfALongText_KeepsItWholeOnTheItemAndItsStartInTheHistory()
    {
        var item = new WorkItem { Kind = WorkKind.Incident, Title = "Printer", Description = "Short." };
        var description = new string('a', 3000);

        item.Change("description", item.Description, description, v => item.Description = v, null, DateTime.UtcNow).ShouldBeTrue();

        item.Description.Length.ShouldBe(3000);
        var line = item.Events.ShouldHaveSingleItem();
        (line.From, line.To!.Length).ShouldBe(("Short.", WorkEvent.ValueMaxLength));
        line.To.ShouldEndWith("…");
    }

    [Fact]
    public void To_CutInsideASurrogatePair_DropsTheWholeCharacter()
    {
        var value = new string('a', WorkEvent.ValueMaxLength - 2) + "😀" + "tail";

        var line = new WorkEvent { To = value };

        line.To!.ShouldBe(new string('a', WorkEvent.ValueMaxLength - 2) + "…");
    }
}
