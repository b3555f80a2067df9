using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Services.Forms;

namespace Keel.Domain.Tests.Services;

public sealed class FormValidatorPropertyTests
{
    [Fact]
    public void Validate_GeneratedDefinition_IsAccepted()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(FormGen.Definitions.ToArbitrary(), definition =>
            definition.Validate() is null));
    }

    [Fact]
    public void Validate_ValidPayloadForAGeneratedForm_PassesAndKeepsExactlyTheShownAnswers()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(FormGen.Cases.ToArbitrary(), c =>
        {
            var result = FormValidator.Validate(c.Definition, c.AnswersJson);
            return result.IsSuccess && result.Value!.Items.Select(a => a.Key).SequenceEqual(c.ExpectedKeys);
        }));
    }

    [Fact]
    public void Validate_RequiredShownFieldRemoved_AlwaysFailsOnThatField()
    {
        var cases =
            from c in FormGen.Cases.Where(c => c.RequiredShown.Count > 0)
            from removed in Gen.Elements(c.RequiredShown.ToArray())
            select (Case: c, Removed: removed);

        Check.QuickThrowOnFailure(Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var answers = JsonSerializer.SerializeToElement(x.Case.Answers.Remove(x.Removed));
            var result = FormValidator.Validate(x.Case.Definition, answers);
            return !result.IsSuccess && result.Error!.Fields!.ContainsKey($"answers.{x.Removed}");
        }));
    }

    [Fact]
    public void Validate_UnknownKeyAdded_AlwaysFails()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(FormGen.Cases.ToArbitrary(), c =>
        {
            var answers = JsonSerializer.SerializeToElement(c.Answers.SetItem("notAField", "x"));
            var result = FormValidator.Validate(c.Definition, answers);
            return !result.IsSuccess && result.Error!.Fields!.ContainsKey("answers.notAField");
        }));
    }

    [Fact]
    public void Validate_NormalizedAnswers_ValidateToThemselves()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(FormGen.Cases.ToArbitrary(), c =>
        {
            var once = FormValidator.Validate(c.Definition, c.AnswersJson).Value!.ToJson();
            var twice = FormValidator.Validate(c.Definition, JsonDocument.Parse(once).RootElement).Value!.ToJson();
            return once == twice;
        }));
    }
}
