using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>Time spent on a work item by one person on one day; labour cost is minutes × the hourly rate of that person's team.</summary>
public sealed class WorkLog
{
    public const int MaxMinutesPerEntry = 24 * 60;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }
    public Guid PersonId { get; set; }
    public int Minutes { get; set; }
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public void Validate(FieldErrors errors, DateOnly today)
    {
        if (Minutes is < 1 or > MaxMinutesPerEntry)
        {
            errors.Add("minutes", $"must be between 1 and {MaxMinutesPerEntry}.");
        }
        if (Date > today)
        {
            errors.Add("date", "cannot be in the future.");
        }
        errors.Optional("note", Note, WorkItem.NoteMaxLength);
    }
}
