using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Tests.Services;

public sealed class ConfigurationItemTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Action<FieldErrors> validate)
    {
        var errors = new FieldErrors();
        validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }

    [Theory]
    [InlineData("server", "Server")]
    [InlineData("SAAS", "SaaS")]
    [InlineData(" Database ", "Database")]
    [InlineData("loadBalancer", "LoadBalancer")]
    [InlineData("Printer3D", "Printer3D")]
    public void TryNormalize_KnownOrOwnTypeName_IsAcceptedInOneSpelling(string given, string expected)
    {
        CiTypes.TryNormalize(given, out var type).ShouldBeTrue();
        type.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3D printer")]
    [InlineData("Load-Balancer")]
    [InlineData(null)]
    public void TryNormalize_NotATypeName_IsRefused(string? given) =>
        CiTypes.TryNormalize(given, out _).ShouldBeFalse();

    [Fact]
    public void Validate_OwnType_IsAcceptedAndWellKnownSpellingApplied()
    {
        var ci = new ConfigurationItem { Name = "crm-db-01", Type = "database", Attributes = { ["version"] = "16.2" } };

        ErrorsOf(ci.Validate).ShouldBeEmpty();
        ci.Type.ShouldBe(CiTypes.Database);
    }

    [Fact]
    public void Validate_BadTypeEmptyOwnerAndRepeatedService_ListsEachProblem()
    {
        var service = Guid.NewGuid();
        var ci = new ConfigurationItem { Name = "x", Type = "not a type", OwnerId = Guid.Empty, ServiceIds = [service, service] };

        ErrorsOf(ci.Validate).Keys.ShouldBe(["type", "ownerId", "serviceIds"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_TooLongAttributeValue_IsRefusedUnderItsName()
    {
        var ci = new ConfigurationItem
        {
            Name = "web-01", Type = CiTypes.Server,
            Attributes = { ["notes"] = new string('x', ConfigurationItem.AttributeValueMaxLength + 1) },
        };

        ErrorsOf(ci.Validate).ShouldContainKey("attributes.notes");
    }

    [Fact]
    public void Relationship_SelfLoop_IsRefused()
    {
        var id = Guid.NewGuid();
        var relationship = new CiRelationship { FromId = id, ToId = id, Type = RelationshipType.DependsOn };

        ErrorsOf(relationship.Validate).ShouldContainKey("toId");
    }

    [Fact]
    public void Relationship_BetweenTwoItems_IsAccepted()
    {
        var relationship = new CiRelationship { FromId = Guid.NewGuid(), ToId = Guid.NewGuid(), Type = RelationshipType.HostedBy };

        ErrorsOf(relationship.Validate).ShouldBeEmpty();
    }

    [Fact]
    public void Relationship_UnknownType_IsRefused()
    {
        var relationship = new CiRelationship { FromId = Guid.NewGuid(), ToId = Guid.NewGuid(), Type = (RelationshipType)42 };

        ErrorsOf(relationship.Validate).ShouldContainKey("type");
    }

    [Fact]
    public void FailurePropagatesToFrom_EveryType_ReadsFromNeedsTo()
    {
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            RelationshipTypes.FailurePropagatesToFrom(type).ShouldBeTrue($"{type} is phrased 'From needs To'");
        }
    }
}
