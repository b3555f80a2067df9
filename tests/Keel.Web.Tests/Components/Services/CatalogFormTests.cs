using System.Text.Json;
using Bunit;
using Keel.Domain.Platform;
using Keel.Domain.Services.Forms;
using Keel.Web.Components.Pages.Portal;

namespace Keel.Web.Tests.Components.Services;

public sealed class CatalogFormTests : ComponentTest
{
    private static readonly FormDefinition Form = new()
    {
        Fields =
        [
            new FormField { Key = "device", Label = "Device", Type = FieldType.Choice, Required = true, Options = ["Laptop", "Phone"], Help = "What you need" },
            new FormField
            {
                Key = "screen", Label = "Screen size", Type = FieldType.Text, Required = true,
                ShowIf = new ShowIf { Field = "device", Values = ["Laptop"] },
            },
            new FormField { Key = "reason", Label = "Why you need it", Type = FieldType.LongText, Required = true },
            new FormField { Key = "extras", Label = "Extras", Type = FieldType.MultiChoice, Options = ["Bag", "Mouse"] },
        ],
    };

    private JsonElement? _sent;

    private IRenderedComponent<CatalogForm> RenderForm()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(Roles.Requester);
        // The use case's check is FormValidator plus a look-up of person fields; this form has none.
        return Render<CatalogForm>(p => p
            .Add(f => f.Form, Form)
            .Add(f => f.Check, answers =>
            {
                _sent = answers;
                var result = FormValidator.Validate(Form, answers);
                return Task.FromResult(result.IsSuccess ? Result<JsonElement>.Ok(result.Value!.ToJsonElement()) : Result<JsonElement>.Fail(result.Error!));
            }));
    }

    [Fact]
    public void CatalogForm_ShowIfField_AppearsOnlyWhileItsConditionHolds()
    {
        var form = RenderForm();
        form.FindAll("[data-field=screen]").ShouldBeEmpty();

        form.FindAll("[data-field=device] input[type=radio]").Count.ShouldBe(2);
        form.FindAll("[data-field=device] input[type=radio]")[0].Click();
        form.WaitForAssertion(() => form.FindAll("[data-field=screen]").ShouldHaveSingleItem());

        form.FindAll("[data-field=device] input[type=radio]")[1].Click();
        form.WaitForAssertion(() => form.FindAll("[data-field=screen]").ShouldBeEmpty());
    }

    [Fact]
    public void CatalogForm_Check_ShowsRequiredErrorsOfTheShownFields()
    {
        var form = RenderForm();

        form.Find("[data-testid=check-answers]").Click();

        form.WaitForAssertion(() =>
        {
            form.Find("[data-field=device] .keel-field-error").TextContent.ShouldBe("Device is required.");
            form.Find("[data-field=reason] .keel-field-error").TextContent.ShouldBe("Why you need it is required.");
        });
        form.FindAll("[data-field=extras] .keel-field-error").ShouldBeEmpty();
        form.FindAll("[data-field=screen]").ShouldBeEmpty();
    }

    [Fact]
    public void CatalogForm_RequiredFields_AreMarked()
    {
        var form = RenderForm();

        form.Find("[data-field=device] legend").TextContent.ShouldContain("Device *");
        form.Find("[data-field=extras] legend").TextContent.Trim().ShouldBe("Extras");
        form.Markup.ShouldContain("What you need");
    }

    [Fact]
    public void CatalogForm_CompleteAnswers_PassTheCheck()
    {
        var form = RenderForm();
        form.FindAll("[data-field=device] input[type=radio]")[1].Click();
        form.WaitForAssertion(() => form.FindAll("[data-field=reason] textarea").ShouldHaveSingleItem());
        form.Find("[data-field=reason] textarea").Input("I travel a lot");

        form.Find("[data-testid=check-answers]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Your answers are complete."));
        _sent!.Value.GetProperty("device").GetString().ShouldBe("Phone");
        form.FindAll(".keel-field-error").ShouldBeEmpty();
    }
}
