using Keel.Domain.Problems;

namespace Keel.Domain.Tests.Problems;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Words_CaseAccentsPluralsAndStopWords_Normalized()
    {
        TextSimilarity.Words("The PRINTERS on my floor can't print Café tickets; status?").ShouldBe(
            ["printer", "floor", "print", "cafe", "ticket", "status"], ignoreOrder: true);
    }

    [Fact]
    public void Of_SameWordsInAnotherOrder_One()
    {
        TextSimilarity.Of("VPN drops every hour", "every hour, the vpn drops").ShouldBe(1);
    }

    [Fact]
    public void Of_NothingInCommon_Zero()
    {
        TextSimilarity.Of("Outlook asks for the password", "Printer jams on tray two").ShouldBe(0);
        TextSimilarity.Of("", "anything").ShouldBe(0);
    }

    [Fact]
    public void Of_SomeWordsShared_SharedOverAllDistinct()
    {
        // {outlook, password, prompt} and {outlook, password, expired}: 2 shared of 4 distinct.
        TextSimilarity.Of("Outlook password prompt", "Outlook password expired").ShouldBe(0.5);
    }

    [Fact]
    public void Of_OnlyStopWordsShared_Zero()
    {
        TextSimilarity.Of("It is not working for me", "It is not what I asked for").ShouldBe(0);
    }
}
