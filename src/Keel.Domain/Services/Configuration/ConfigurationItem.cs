using Keel.Domain.Platform;

namespace Keel.Domain.Services.Configuration;

/// <summary>A component that must be managed to deliver a service: an application, a server, a SaaS subscription…</summary>
public sealed class ConfigurationItem : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int MaxAttributes = 50;
    public const int AttributeKeyMaxLength = 64;
    public const int AttributeValueMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>One of <see cref="CiTypes.WellKnown"/> or an organization's own PascalCase type name.</summary>
    public required string Type { get; set; }

    /// <summary>Free attributes by type (IP address, version, vendor, serial number…), all text.</summary>
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);

    public Guid? OwnerId { get; set; }
    public CiStatus Status { get; set; } = CiStatus.Active;

    /// <summary>The services this CI delivers; impact analysis reports these services when the CI is affected.</summary>
    public List<Guid> ServiceIds { get; set; } = [];

    public long Version { get; set; }

    /// <summary>Checks the item and normalizes its type to the well-known spelling.</summary>
    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        if (CiTypes.TryNormalize(Type, out var type))
        {
            Type = type;
        }
        else
        {
            errors.Add("type", $"must be a type name of letters and digits (at most {CiTypes.MaxLength}), such as {CiTypes.Server}.");
        }
        if (!Enum.IsDefined(Status))
        {
            errors.Add("status", "must be Planned, Active, Maintenance or Retired.");
        }
        if (OwnerId == Guid.Empty)
        {
            errors.Add("ownerId", "must be a person or left out.");
        }
        ValidateAttributes(errors);
        if (ServiceIds.Contains(Guid.Empty))
        {
            errors.Add("serviceIds", "must not contain an empty id.");
        }
        else if (ServiceIds.Distinct().Count() != ServiceIds.Count)
        {
            errors.Add("serviceIds", "must not name a service twice.");
        }
    }

    private void ValidateAttributes(FieldErrors errors)
    {
        if (Attributes.Count > MaxAttributes)
        {
            errors.Add("attributes", $"must be at most {MaxAttributes}.");
        }
        foreach (var (key, value) in Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > AttributeKeyMaxLength)
            {
                errors.Add("attributes", $"names must be 1 to {AttributeKeyMaxLength} characters.");
            }
            else if (value is null || value.Length > AttributeValueMaxLength)
            {
                errors.Add($"attributes.{key}", $"must be text of at most {AttributeValueMaxLength} characters.");
            }
        }
    }
}
