using Keel.Web.Components.Pages.Platform;

namespace Keel.Web.Tests.Components;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/work", "/work")]
    [InlineData("/admin/people?q=anna", "/admin/people?q=anna")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("work", "/")]
    [InlineData("/redirect?to=https://evil.example", "/")]
    public void ReturnUrls_AfterSignIn_OnlyLocalPathsAreFollowed(string? returnUrl, string expected)
    {
        ReturnUrls.LocalOrHome(returnUrl).ShouldBe(expected);
    }
}
