using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>The service desk's rules that admins tune: the priority matrix, the reopen window, automatic closing, the default team.</summary>
public sealed class WorkSettings : IAudited, IVersioned
{
    public static readonly TimeSpan DefaultReopenWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultAutoCloseAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(90);

    /// <summary>There is one row; its id is fixed.</summary>
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-00000000c0de");

    public Guid Id { get; set; } = SingletonId;
    public PriorityMatrix Matrix { get; set; } = PriorityMatrix.Default;
    public TimeSpan ReopenWindow { get; set; } = DefaultReopenWindow;
    public TimeSpan AutoCloseAfter { get; set; } = DefaultAutoCloseAfter;

    /// <summary>The team that receives incidents no assignment rule matches (the service desk).</summary>
    public Guid? DefaultIncidentTeamId { get; set; }

    public long Version { get; set; }

    public void Validate(FieldErrors errors)
    {
        Matrix.Validate(errors, "priorityMatrix");
        if (ReopenWindow < TimeSpan.Zero || ReopenWindow > LongestWindow)
        {
            errors.Add("reopenWindowDays", $"must be between 0 and {LongestWindow.TotalDays} days.");
        }
        if (AutoCloseAfter < TimeSpan.FromHours(1) || AutoCloseAfter > LongestWindow)
        {
            errors.Add("autoCloseAfterDays", $"must be between an hour and {LongestWindow.TotalDays} days.");
        }
    }
}
