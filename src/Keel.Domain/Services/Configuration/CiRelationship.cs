using Keel.Domain.Platform;

namespace Keel.Domain.Services.Configuration;

/// <summary>
/// A typed, directed relationship between two CIs, read "From Type To" (see <see cref="RelationshipType"/>).
/// Cycles across several relationships are allowed (real estates have them, and imports bring them);
/// impact analysis terminates on them.
/// </summary>
public sealed class CiRelationship : IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public RelationshipType Type { get; set; }

    public void Validate(FieldErrors errors)
    {
        if (FromId == Guid.Empty)
        {
            errors.Add("fromId", "is required.");
        }
        if (ToId == Guid.Empty)
        {
            errors.Add("toId", "is required.");
        }
        else if (ToId == FromId)
        {
            // A CI that depends on itself says nothing and would only show up as noise in every impact path.
            errors.Add("toId", "must be another configuration item than fromId.");
        }
        if (!Enum.IsDefined(Type))
        {
            errors.Add("type", "must be DependsOn, RunsOn, ConnectsTo or HostedBy.");
        }
    }
}
