using Keel.Web.Components.Shared;

namespace Keel.Web.Tests.Components;

public sealed class WordsTests
{
    [Theory]
    [InlineData("ResolvedByCaller", "Resolved by caller")]
    [InlineData("RevenueEnabled", "Revenue enabled")]
    [InlineData("SaaS", "SaaS")]
    [InlineData("EndUserDevice", "End user device")]
    [InlineData("Live", "Live")]
    public void FromPascal_EnumName_ReadableWords(string name, string expected) => Words.FromPascal(name).ShouldBe(expected);
}
