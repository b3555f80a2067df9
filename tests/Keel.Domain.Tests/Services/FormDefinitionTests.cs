using Keel.Domain.Services.Forms;

namespace Keel.Domain.Tests.Services;

public sealed class FormDefinitionTests
{
    private static FormField Text(string key, ShowIf? showIf = null) =>
        new() { Key = key, Label = key, Type = FieldType.Text, ShowIf = showIf };

    private static FormField Choice(string key, ShowIf? showIf = null, params string[] options) =>
        new() { Key = key, Label = key, Type = FieldType.Choice, Options = options, ShowIf = showIf };

    private static ShowIf When(string field, params string[] values) => new() { Field = field, Values = values };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(params FormField[] fields) =>
        new FormDefinition { Fields = fields }.Validate()?.Fields ?? new Dictionary<string, string[]>();

    [Fact]
    public void Validate_EveryFieldTypeWithItsSettings_IsAccepted()
    {
        ErrorsOf(
            new FormField { Key = "device", Label = "Device", Type = FieldType.Choice, Required = true, Options = ["Laptop", "Phone"] },
            new FormField { Key = "extras", Label = "Extras", Type = FieldType.MultiChoice, Options = ["Dock", "Bag"], ShowIf = When("device", "Laptop") },
            new FormField { Key = "reason", Label = "Why", Type = FieldType.LongText, MaxLength = 2000, Help = "In a sentence or two." },
            new FormField { Key = "costCentre", Label = "Cost centre", Type = FieldType.Text, MaxLength = 20 },
            new FormField { Key = "neededBy", Label = "Needed by", Type = FieldType.Date },
            new FormField { Key = "forWhom", Label = "For whom", Type = FieldType.Person },
            new FormField { Key = "count", Label = "How many", Type = FieldType.Number, Min = 1, Max = 10 })
            .ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NoFields_IsAccepted() => ErrorsOf().ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("dash-key")]
    [InlineData("_lead")]
    public void Validate_InvalidKey_IsRefused(string key) =>
        ErrorsOf(Text(key)).ShouldContainKey("fields[0].key");

    [Fact]
    public void Validate_KeyLongerThanTheLimit_IsRefused() =>
        ErrorsOf(Text(new string('k', FormLimits.KeyMaxLength + 1))).ShouldContainKey("fields[0].key");

    [Theory]
    [InlineData("name", "name")]
    [InlineData("name", "Name")]
    public void Validate_DuplicateKey_IsRefusedOnTheSecondField(string first, string second)
    {
        var errors = ErrorsOf(Text(first), Text(second));

        errors.Keys.ShouldBe(["fields[1].key"]);
        errors["fields[1].key"][0].ShouldContain("field 1");
    }

    [Theory]
    [InlineData(FieldType.Choice)]
    [InlineData(FieldType.MultiChoice)]
    public void Validate_ChoiceWithoutOptions_IsRefused(FieldType type) =>
        ErrorsOf(new FormField { Key = "pick", Label = "Pick", Type = type, Options = [] }).ShouldContainKey("fields[0].options");

    [Fact]
    public void Validate_OptionsRepeatedIgnoringCaseOrBlank_AreRefusedOneByOne()
    {
        var errors = ErrorsOf(Choice("pick", null, "Yes", "yes", " "));

        errors.Keys.ShouldBe(["fields[0].options[1]", "fields[0].options[2]"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_SettingsOnTheWrongType_AreRefused()
    {
        var errors = ErrorsOf(new FormField { Key = "when", Label = "When", Type = FieldType.Date, Options = ["a"], Min = 1, MaxLength = 5 });

        errors.Keys.ShouldBe(["fields[0].options", "fields[0].min", "fields[0].maxLength"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_MinAboveMax_IsRefused() =>
        ErrorsOf(new FormField { Key = "n", Label = "N", Type = FieldType.Number, Min = 10, Max = 1 }).ShouldContainKey("fields[0].max");

    [Theory]
    [InlineData(0)]
    [InlineData(FormLimits.TextMaxLength + 1)]
    public void Validate_MaxLengthOutsideTheTypeLimit_IsRefused(int maxLength) =>
        ErrorsOf(new FormField { Key = "t", Label = "T", Type = FieldType.Text, MaxLength = maxLength }).ShouldContainKey("fields[0].maxLength");

    [Fact]
    public void Validate_MissingLabel_IsRefused() =>
        ErrorsOf(new FormField { Key = "t", Label = "", Type = FieldType.Text }).ShouldContainKey("fields[0].label");

    [Fact]
    public void Validate_UndefinedType_IsRefused() =>
        ErrorsOf(new FormField { Key = "t", Label = "T", Type = (FieldType)99 }).ShouldContainKey("fields[0].type");

    [Fact]
    public void Validate_ShowIfUnknownField_IsRefused() =>
        ErrorsOf(Text("a", When("nowhere", "x")))["fields[0].showIf.field"][0].ShouldContain("not a field");

    [Fact]
    public void Validate_ShowIfItself_IsRefused() =>
        ErrorsOf(Choice("a", When("a", "x"), "x"))["fields[0].showIf.field"][0].ShouldContain("itself");

    [Fact]
    public void Validate_ShowIfLaterField_IsRefused()
    {
        var errors = ErrorsOf(Text("detail", When("kind", "Other")), Choice("kind", null, "Other", "Known"));

        errors.Keys.ShouldBe(["fields[0].showIf.field"]);
        errors["fields[0].showIf.field"][0].ShouldContain("comes later");
    }

    [Fact]
    public void Validate_ShowIfCycle_IsRefusedAndNamedAsACycle()
    {
        var errors = ErrorsOf(Choice("a", When("b", "y"), "x"), Choice("b", When("a", "x"), "y"));

        errors["fields[0].showIf.field"][0].ShouldContain("cycle: a → b → a");
    }

    [Fact]
    public void Validate_ShowIfOnATextField_IsRefused() =>
        ErrorsOf(Text("name"), Text("more", When("name", "x")))["fields[1].showIf.field"][0].ShouldContain("choice");

    [Fact]
    public void Validate_ShowIfValueNotAnOption_IsRefused() =>
        ErrorsOf(Choice("kind", null, "A", "B"), Text("more", When("kind", "C"))).ShouldContainKey("fields[1].showIf.values");

    [Fact]
    public void Validate_ShowIfWithoutValues_IsRefused() =>
        ErrorsOf(Choice("kind", null, "A"), Text("more", When("kind"))).ShouldContainKey("fields[1].showIf.values");

    [Fact]
    public void Validate_TooManyFields_IsRefused() =>
        ErrorsOf(Enumerable.Range(0, FormLimits.MaxFields + 1).Select(i => Text($"f{i}")).ToArray()).ShouldContainKey("fields");

    [Fact]
    public void Definition_SerializedAsJson_RoundTrips()
    {
        var definition = new FormDefinition
        {
            Fields = [Choice("kind", null, "A", "B"), Text("more", When("kind", "B"))],
        };

        var json = System.Text.Json.JsonSerializer.Serialize(definition);
        var back = System.Text.Json.JsonSerializer.Deserialize<FormDefinition>(json)!;

        back.Fields.Count.ShouldBe(2);
        back.Fields[1].ShowIf!.Field.ShouldBe("kind");
        back.Fields[1].ShowIf!.Values.ShouldBe(["B"]);
        back.Validate().ShouldBeNull();
    }
}
