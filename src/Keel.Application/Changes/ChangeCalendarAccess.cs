using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Platform;

namespace Keel.Application.Changes;

/// <summary>Who reads and keeps the change calendar: IT staff read it; change managers and admins keep windows and schedule changes.</summary>
public static class ChangeCalendarAccess
{
    public static readonly IReadOnlyList<string> SchedulerRoles = [Roles.ChangeManager, Roles.Admin];

    public static bool CanRead(ICurrentUser user) => WorkAccess.IsWorker(user);

    public static bool CanSchedule(ICurrentUser user) => SchedulerRoles.Any(user.IsInRole);
}
