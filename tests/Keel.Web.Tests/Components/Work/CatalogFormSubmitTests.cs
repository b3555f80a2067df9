using System.Text.Json;
using Bunit;
using Keel.Domain.Platform;
using Keel.Domain.Services.Forms;
using Keel.Web.Components.Pages.Portal;

namespace Keel.Web.Tests.Components.Work;

public sealed class CatalogFormSubmitTests : ComponentTest
{
    private static readonly FormDefinition Form = new()
    {
        Fields = [new FormField { Key = "reason", Label = "Why you need it", Type = FieldType.LongText, Required = true }],
    };

    private IRenderedComponent<CatalogForm> RenderForm(Func<JsonElement, Task<Error?>>? submit)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(Roles.Requester);
        return Render<CatalogForm>(p => p
            .Add(f => f.Form, Form)
            .Add(f => f.Check, answers => Task.FromResult(Result<JsonElement>.Ok(answers)))
            .Add(f => f.Submit, submit));
    }

    [Fact]
    public void CatalogForm_SubmitRefused_FieldErrorNextToTheFieldAndTheRestAboveTheButtons()
    {
        var fields = new FieldErrors();
        fields.Add("answers.reason", "is required.");
        fields.Add("catalogItemId", "is not offered at the moment.");
        JsonElement? sent = null;
        var form = RenderForm(answers =>
        {
            sent = answers;
            return Task.FromResult<Error?>(fields.ToError());
        });

        form.Find("[data-field=reason] textarea").Input("   ");
        form.Find("[data-testid=submit-request]").Click();

        form.WaitForAssertion(() => form.Find("[data-field=reason] .keel-field-error").TextContent.ShouldBe("Why you need it is required."));
        form.Find("[role=alert]:not(.keel-field-error)").TextContent.ShouldContain("Catalog item is not offered at the moment.");
        sent!.Value.GetProperty("reason").GetString().ShouldBe("   ");
    }

    [Fact]
    public void CatalogForm_WithoutSubmit_OnlyChecks()
    {
        var form = RenderForm(null);

        form.FindAll("[data-testid=submit-request]").ShouldBeEmpty();
        form.FindAll("[data-testid=check-answers]").ShouldHaveSingleItem();
    }
}
