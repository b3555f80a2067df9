using Bunit;
using Keel.Domain.Platform;
using Keel.Domain.Services.Forms;
using Keel.Web.Components.Pages.Services.CatalogEditor;

namespace Keel.Web.Tests.Components.Services;

public sealed class FormDesignerTests : ComponentTest
{
    [Theory]
    [InlineData("Which model?", "which_model")]
    [InlineData("  Needed by  ", "needed_by")]
    [InlineData("2nd phone", "q_2nd_phone")]
    [InlineData("Größe", "gr_e")]
    [InlineData("", "")]
    public void KeyFrom_Label_IsAValidKeyOrEmpty(string label, string key)
    {
        FieldDraft.KeyFrom(label).ShouldBe(key);
        if (key.Length > 0)
        {
            FormLimits.IsValidKey(key).ShouldBeTrue();
        }
    }

    [Fact]
    public void Drafts_RoundTrip_KeepEverySettingAndTheRule()
    {
        var form = new FormDefinition
        {
            Fields =
            [
                new FormField { Key = "model", Label = "Model", Type = FieldType.Choice, Required = true, Options = ["Small", "Large"] },
                new FormField { Key = "why", Label = "Why", Type = FieldType.Text, MaxLength = 40, ShowIf = new ShowIf { Field = "model", Values = ["Large"] } },
                new FormField { Key = "count", Label = "How many", Type = FieldType.Number, Min = 1, Max = 5, Help = "Up to five" },
            ],
        };
        var drafts = form.Fields.Select(FieldDraft.From).ToList();

        var back = FieldDraft.ToDefinition(drafts);

        back.Validate().ShouldBeNull();
        back.Fields.Count.ShouldBe(3);
        back.Fields[0].ShouldBeEquivalentTo(form.Fields[0] with { Options = back.Fields[0].Options });
        back.Fields[0].Options.ShouldBe(["Small", "Large"]);
        back.Fields[1].ShowIf!.Field.ShouldBe("model");
        back.Fields[1].ShowIf!.Values.ShouldBe(["Large"]);
        back.Fields[1].MaxLength.ShouldBe(40);
        back.Fields[2].Min.ShouldBe(1);
        back.Fields[2].Max.ShouldBe(5);
        back.Fields[2].Help.ShouldBe("Up to five");
    }

    [Fact]
    public void Designer_TypeButtons_AddFieldsThatThePreviewShows()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("owner");
        auth.SetRoles(Roles.ServiceOwner);
        var fields = new List<FieldDraft>();
        var designer = Render<FormDesigner>(p => p.Add(d => d.Fields, fields));

        var buttons = designer.FindAll("[data-testid=add-field] button");
        buttons.Select(b => b.TextContent.Trim()).ShouldBe(["Text", "Long text", "Choice", "Multi-choice", "Date", "Person", "Number"]);
        designer.FindAll("[data-testid=add-field] button")[2].Click();
        designer.WaitForAssertion(() => designer.FindAll("[data-testid=designer-field-0]").ShouldHaveSingleItem());
        fields.ShouldHaveSingleItem().Type.ShouldBe(FieldType.Choice);

        designer.Find("[data-testid=designer-field-0] input").Input("Phone type");
        designer.WaitForAssertion(() => fields[0].Key.ShouldBe("phone_type"));
        designer.WaitForAssertion(() => designer.FindAll("[data-testid=form-preview] [data-field=phone_type]").ShouldHaveSingleItem());
    }

    [Fact]
    public void Designer_SameLabelTwice_DerivesDistinctKeys()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("owner");
        var fields = new List<FieldDraft>();
        var designer = Render<FormDesigner>(p => p.Add(d => d.Fields, fields));

        designer.FindAll("[data-testid=add-field] button")[0].Click();
        designer.FindAll("[data-testid=add-field] button")[0].Click();
        designer.Find("[data-testid=designer-field-0] input").Input("Name");
        designer.Find("[data-testid=designer-field-1] input").Input("Name");

        designer.WaitForAssertion(() => fields.Select(f => f.Key).ShouldBe(["name", "name_2"]));
    }

    [Fact]
    public void Designer_UseCaseErrors_AppearNextToTheirField()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("owner");
        var fields = new List<FieldDraft> { new() { Type = FieldType.Text, Label = "", Key = "" } };
        var errors = new Dictionary<string, string[]> { ["form.fields[0].label"] = ["is required."] };

        var designer = Render<FormDesigner>(p => p.Add(d => d.Fields, fields).Add(d => d.Errors, errors));

        designer.Find("[data-testid=designer-field-0]").TextContent.ShouldContain("Label is required.");
    }
}
