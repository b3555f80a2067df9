using System.Net;
using System.Text.Json;

namespace Keel.Web.Tests.Infrastructure;

/// <summary>Reads a ProblemDetails answer and checks the parts API.md promises: status, media type and stable code.</summary>
public static class Problem
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        body.GetProperty("code").GetString().ShouldBe(code, text);
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        return body;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
