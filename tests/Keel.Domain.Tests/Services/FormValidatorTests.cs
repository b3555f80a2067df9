using System.Text.Json;
using Keel.Domain.Services.Forms;

namespace Keel.Domain.Tests.Services;

public sealed class FormValidatorTests
{
    /// <summary>A laptop request: the dock question only shows for laptops, the reason only for the power model.</summary>
    private static readonly FormDefinition Laptop = new()
    {
        Fields =
        [
            new FormField { Key = "device", Label = "Device", Type = FieldType.Choice, Required = true, Options = ["Laptop", "Phone"] },
            new FormField { Key = "model", Label = "Model", Type = FieldType.Choice, Required = true, Options = ["Light", "Power"], ShowIf = new() { Field = "device", Values = ["Laptop"] } },
            new FormField { Key = "reason", Label = "Why the power model", Type = FieldType.LongText, Required = true, MaxLength = 50, ShowIf = new() { Field = "model", Values = ["Power"] } },
            new FormField { Key = "extras", Label = "Extras", Type = FieldType.MultiChoice, Options = ["Dock", "Bag", "Mouse"] },
            new FormField { Key = "bagColour", Label = "Bag colour", Type = FieldType.Text, MaxLength = 10, ShowIf = new() { Field = "extras", Values = ["Bag"] } },
            new FormField { Key = "neededBy", Label = "Needed by", Type = FieldType.Date },
            new FormField { Key = "forWhom", Label = "For whom", Type = FieldType.Person },
            new FormField { Key = "count", Label = "How many", Type = FieldType.Number, Min = 1, Max = 5 },
        ],
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static FormAnswers Accepted(string json)
    {
        var result = FormValidator.Validate(Laptop, Json(json));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private static IReadOnlyDictionary<string, string[]> Refused(string json)
    {
        var result = FormValidator.Validate(Laptop, Json(json));
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("validation_failed");
        return result.Error.Fields!;
    }

    [Fact]
    public void Validate_CompletePayload_ReturnsTheAnswersInFormOrder()
    {
        var answers = Accepted("""
            { "count": 2, "model": "Power", "device": "Laptop", "reason": "Video editing",
              "extras": ["Bag"], "bagColour": "red", "neededBy": "2026-04-01",
              "forWhom": "5A0F3E0C-8D0B-4E4A-9B1D-1B2C3D4E5F60" }
            """);

        answers.Items.Select(a => a.Key).ShouldBe(["device", "model", "reason", "extras", "bagColour", "neededBy", "forWhom", "count"]);
    }

    [Fact]
    public void Validate_RequiredShownFieldMissing_IsRefusedUnderItsKey() =>
        Refused("""{ "device": "Laptop" }""").Keys.ShouldBe(["answers.model"]);

    [Fact]
    public void Validate_RequiredFieldHidden_IsNotRequired()
    {
        var answers = Accepted("""{ "device": "Phone" }""");

        answers.Items.Select(a => a.Key).ShouldBe(["device"]);
    }

    [Fact]
    public void Validate_AnswerToHiddenField_IsDroppedWithoutBeingChecked()
    {
        // The requester picked Laptop/Power, typed a reason, then switched to Phone: the reason is not stored.
        var answers = Accepted("""{ "device": "Phone", "model": "Power", "reason": 42 }""");

        answers.Contains("model").ShouldBeFalse();
        answers.Contains("reason").ShouldBeFalse();
    }

    [Fact]
    public void Validate_FieldHiddenBecauseItsConditionFieldIsHidden_IsDropped()
    {
        // model is hidden for a phone, so reason (which depends on model) is hidden too, whatever model says.
        var answers = Accepted("""{ "device": "Phone", "model": "Power" }""");

        answers.Items.Select(a => a.Key).ShouldBe(["device"]);
    }

    [Fact]
    public void Validate_MultiChoiceConditionMatchesAnySelectedOption_ShowsTheField() =>
        Refused("""{ "device": "Phone", "extras": ["Dock", "Bag"], "bagColour": "far too long a colour" }""")
            .ShouldContainKey("answers.bagColour");

    [Fact]
    public void Validate_UnknownKey_IsRefused() =>
        Refused("""{ "device": "Phone", "colour": "red" }""")["answers.colour"][0].ShouldContain("not a field");

    [Fact]
    public void Validate_KeyInOtherCase_IsMatchedAndStoredUnderTheFormsSpelling()
    {
        var answers = Accepted("""{ "DEVICE": "phone", "NeededBy": "2026-01-31" }""");

        answers.Items.Select(a => a.Key).ShouldBe(["device", "neededBy"]);
        answers.TryGet("device", out var device).ShouldBeTrue();
        device.GetString().ShouldBe("Phone");
    }

    [Fact]
    public void Validate_SameKeyTwiceInDifferentCase_IsRefused() =>
        Refused("""{ "device": "Phone", "Device": "Laptop" }""")["answers.device"][0].ShouldContain("more than once");

    [Theory]
    [InlineData("""{ "device": "Tablet" }""", "answers.device")]
    [InlineData("""{ "device": ["Phone"] }""", "answers.device")]
    [InlineData("""{ "device": "Phone", "extras": "Dock" }""", "answers.extras")]
    [InlineData("""{ "device": "Phone", "extras": ["Dock", "Printer"] }""", "answers.extras")]
    [InlineData("""{ "device": "Phone", "extras": [1] }""", "answers.extras")]
    [InlineData("""{ "device": "Phone", "neededBy": "01/04/2026" }""", "answers.neededBy")]
    [InlineData("""{ "device": "Phone", "neededBy": "2026-02-30" }""", "answers.neededBy")]
    [InlineData("""{ "device": "Phone", "neededBy": "2026-04-01T10:00:00Z" }""", "answers.neededBy")]
    [InlineData("""{ "device": "Phone", "forWhom": "bob" }""", "answers.forWhom")]
    [InlineData("""{ "device": "Phone", "forWhom": "00000000-0000-0000-0000-000000000000" }""", "answers.forWhom")]
    [InlineData("""{ "device": "Phone", "count": "2" }""", "answers.count")]
    [InlineData("""{ "device": "Phone", "count": 0 }""", "answers.count")]
    [InlineData("""{ "device": "Phone", "count": 5.5 }""", "answers.count")]
    [InlineData("""{ "device": "Laptop", "model": "Power", "reason": 7 }""", "answers.reason")]
    public void Validate_WrongTypeOrValue_IsRefusedUnderItsKey(string json, string key) =>
        Refused(json).Keys.ShouldBe([key]);

    [Fact]
    public void Validate_TextLongerThanMaxLength_IsRefused()
    {
        var reason = new string('x', 51);

        Refused($$"""{ "device": "Laptop", "model": "Power", "reason": "{{reason}}" }""")["answers.reason"][0].ShouldContain("50");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"   \"")]
    public void Validate_NullOrBlankForARequiredField_CountsAsMissing(string value) =>
        Refused($$"""{ "device": {{value}} }""").Keys.ShouldBe(["answers.device"]);

    [Fact]
    public void Validate_EmptySelectionForAnOptionalField_IsLeftOut() =>
        Accepted("""{ "device": "Phone", "extras": [] }""").Contains("extras").ShouldBeFalse();

    [Fact]
    public void Validate_AnswersNotAnObject_IsRefused() => Refused("""["device"]""").Keys.ShouldBe(["answers"]);

    [Fact]
    public void Validate_NoAnswersForAFormWithoutRequiredFields_IsAccepted()
    {
        var form = new FormDefinition { Fields = [new FormField { Key = "note", Label = "Note", Type = FieldType.Text }] };

        FormValidator.Validate(form, default).Value!.Count.ShouldBe(0);
        FormValidator.Validate(form, Json("null")).Value!.Count.ShouldBe(0);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReportedAtOnce() =>
        Refused("""{ "device": "Laptop", "count": 9, "forWhom": "x", "bogus": 1 }""").Keys
            .ShouldBe(["answers.bogus", "answers.model", "answers.forWhom", "answers.count"], ignoreOrder: true);

    [Fact]
    public void Validate_AcceptedAnswers_AreNormalized()
    {
        var answers = Accepted("""
            { "device": " laptop ", "model": "LIGHT", "extras": ["Mouse", "dock", "Mouse"],
              "forWhom": "5A0F3E0C-8D0B-4E4A-9B1D-1B2C3D4E5F60", "count": 3 }
            """);

        answers.ToJson().ShouldBe("""{"device":"Laptop","model":"Light","extras":["Dock","Mouse"],"forWhom":"5a0f3e0c-8d0b-4e4a-9b1d-1b2c3d4e5f60","count":3}""");
    }

    [Fact]
    public void Validate_TextAnswer_IsTrimmed()
    {
        var answers = Accepted("""{ "device": "Phone", "extras": ["Bag"], "bagColour": "  navy  " }""");

        answers.TryGet("bagColour", out var colour).ShouldBeTrue();
        colour.GetString().ShouldBe("navy");
    }
}
