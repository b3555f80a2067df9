using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Notifications;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Once a day, tells the IT leaders about each new drift alert of the department and of every team with a plan of its
/// own: a category beyond tolerance the same way in two consecutive complete months. A <see cref="DriftNotice"/> per
/// alert (scope, category, direction, first month) remembers what was told, so a drift that lasts is told once, and a
/// run after a crash tells nothing twice (the notices and notifications are saved together).
/// </summary>
public sealed class BalanceDriftHandler(KeelDb db, TimeProvider time, NotificationLinks links) : IJobHandler
{
    public const string JobType = "balance.drift";
    public const string Schedule = "every 1d";

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken) => await CheckAsync(cancellationToken);

    /// <summary>Checks every scope now; answers how many new alerts were told.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lastComplete = Months.Of(now).AddMonths(-1);
        var balance = new BalanceService(db, SystemUser.Instance, time);
        var teams = await db.Set<CapacityTarget>().Where(t => t.TeamId != null).Select(t => t.TeamId).Distinct().ToListAsync(ct);
        var leaders = await LeadersAsync(ct);
        var leaderIds = leaders.Select(l => l.Id).ToList();
        var preferences = await db.Set<NotificationPreference>()
            .Where(p => leaderIds.Contains(p.UserId) && p.Event == NotificationEvent.BalanceDrift).ToDictionaryAsync(p => p.UserId, ct);
        var told = 0;
        foreach (var teamId in teams.Prepend(null))
        {
            var view = (await balance.BalanceAsync(null, lastComplete, teamId, BalanceBasis.Hours, ct)).Value!;
            foreach (var alert in view.Alerts)
            {
                var since = Months.Parse(alert.Since)!.Value;
                if (await db.Set<DriftNotice>().AnyAsync(
                        n => n.TeamId == teamId && n.Category == alert.Category && n.Direction == alert.Direction && n.Since == since, ct))
                {
                    continue;
                }
                db.Add(new DriftNotice { TeamId = teamId, Category = alert.Category, Direction = alert.Direction, Since = since, NotifiedAt = now });
                Notify(leaders, preferences, view.Team?.Name ?? "department", alert, teamId, now);
                told++;
            }
        }
        await db.SaveChangesAsync(ct);
        return told;
    }

    private void Notify(List<(Guid Id, string? Email)> leaders, Dictionary<Guid, NotificationPreference> preferences, string scope, DriftAlertView alert, Guid? teamId, DateTime now)
    {
        var direction = alert.Direction == DriftDirection.Over ? "above" : "below";
        var path = $"/balance?category={alert.Category}" + (teamId is { } t ? $"&teamId={t}" : "");
        var (subject, body) = NotificationTemplates.Render(NotificationEvent.BalanceDrift, new NotificationModel(
            scope, $"{alert.Category} has been {direction} its target beyond tolerance for {alert.Periods} months in a row",
            "Keel", $"From {alert.Since} to {alert.Through}.", links.Absolute(path)));
        foreach (var (leader, email) in leaders)
        {
            var preference = preferences.GetValueOrDefault(leader) ?? new NotificationPreference();
            if (!preference.InApp && !preference.Email)
            {
                continue;
            }
            db.Add(new Notification
            {
                RecipientId = leader, Event = NotificationEvent.BalanceDrift, Subject = subject, Body = body, Link = path, CreatedAt = now,
                InApp = preference.InApp, Email = preference.Email && !string.IsNullOrWhiteSpace(email) ? EmailState.Pending : EmailState.None,
            });
        }
    }

    private async Task<List<(Guid Id, string? Email)>> LeadersAsync(CancellationToken ct)
    {
        var role = Roles.ItLeader.ToUpperInvariant();
        var leaders = await db.Users
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role)))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        return leaders.Select(l => (l.Id, l.Email)).ToList();
    }
}
