using Keel.Domain.Platform;
using Keel.Domain.Services.Forms;

namespace Keel.Domain.Services.Catalog;

/// <summary>Something a requester can ask for through the portal, offered by one service, with the form they fill in.</summary>
public sealed class CatalogItem : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxTasks = 50;
    public static readonly TimeSpan LongestDelivery = TimeSpan.FromDays(365);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }

    /// <summary>What the requester gets, in their words.</summary>
    public string Description { get; set; } = "";

    public FormDefinition Form { get; set; } = FormDefinition.Empty;

    /// <summary>Offered to everyone; when false, only to <see cref="BusinessUnitIds"/>.</summary>
    public bool ForEveryone { get; set; } = true;

    public List<Guid> BusinessUnitIds { get; set; } = [];
    public ApprovalNeed Approval { get; set; } = ApprovalNeed.None;
    public List<FulfilmentTaskTemplate> Tasks { get; set; } = [];

    /// <summary>What the portal promises: the usual time from request to delivery.</summary>
    public TimeSpan ExpectedDelivery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A retired or draft item stays in the data for past requests but is not offered.</summary>
    public bool Active { get; set; } = true;

    public long Version { get; set; }

    /// <summary>Whether a person in <paramref name="businessUnitId"/> may ask for this item (the service must be live too; see <see cref="Offering"/>).</summary>
    public bool IsOfferedTo(Guid? businessUnitId) =>
        Active && (ForEveryone || (businessUnitId is { } unit && BusinessUnitIds.Contains(unit)));

    public void Validate(FieldErrors errors)
    {
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        errors.Required("name", Name, NameMaxLength);
        errors.Required("description", Description, DescriptionMaxLength);
        if (Form is null)
        {
            errors.Add("form", "is required.");
        }
        else
        {
            Form.Validate(errors, "form.fields");
        }
        ValidateAudience(errors);
        if (!Enum.IsDefined(Approval))
        {
            errors.Add("approval", "must be None, RequesterManager or ServiceOwner.");
        }
        ValidateTasks(errors);
        if (ExpectedDelivery <= TimeSpan.Zero || ExpectedDelivery > LongestDelivery)
        {
            errors.Add("expectedDelivery", "must be more than nothing and at most a year.");
        }
    }

    private void ValidateAudience(FieldErrors errors)
    {
        if (ForEveryone && BusinessUnitIds.Count > 0)
        {
            errors.Add("businessUnitIds", "must be empty when the item is offered to everyone.");
        }
        else if (!ForEveryone && BusinessUnitIds.Count == 0)
        {
            errors.Add("businessUnitIds", "must name at least one business unit, or offer the item to everyone.");
        }
        if (BusinessUnitIds.Contains(Guid.Empty) || BusinessUnitIds.Distinct().Count() != BusinessUnitIds.Count)
        {
            errors.Add("businessUnitIds", "must name each business unit once.");
        }
    }

    private void ValidateTasks(FieldErrors errors)
    {
        if (Tasks.Count > MaxTasks)
        {
            errors.Add("tasks", $"must be at most {MaxTasks}.");
        }
        for (var i = 0; i < Tasks.Count; i++)
        {
            var task = Tasks[i];
            errors.Required($"tasks[{i}].title", task.Title, FulfilmentTaskTemplate.TitleMaxLength);
            if (task.TeamId == Guid.Empty)
            {
                errors.Add($"tasks[{i}].teamId", "is required.");
            }
            if (task.Order < 1)
            {
                errors.Add($"tasks[{i}].order", "must be 1 or more.");
            }
        }
    }
}
