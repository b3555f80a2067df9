using Keel.Application.Data;
using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Keel.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Changes;

/// <summary>Changes written straight into the app's database, as change enablement would leave them.</summary>
internal static class ChangeCalendarData
{
    private static long _sequence = 800_000;

    public static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<(string Number, Guid ServiceId)> AddChangeAsync(KeelApp app, string title, DateTime start, DateTime end, WorkState state = WorkState.Scheduled)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        var service = await db.Set<Service>().OrderBy(s => s.Name).FirstAsync(TestContext.Current.CancellationToken);
        var requester = await db.Users.FirstAsync(u => u.UserName == "changemgr", TestContext.Current.CancellationToken);
        var item = new WorkItem
        {
            Kind = WorkKind.Change, Number = WorkNumber.Format(WorkKind.Change, Interlocked.Increment(ref _sequence)), Title = title,
            ServiceId = service.Id, RequesterId = requester.Id, State = state, CreatedAt = start.AddDays(-7), UpdatedAt = start.AddDays(-7),
        };
        db.Add(item);
        db.Add(new ChangeRecord { WorkItemId = item.Id, PlannedStart = start, PlannedEnd = end });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (item.Number, service.Id);
    }

    public static async Task<Guid> FirstCiAsync(KeelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        return await db.Set<ConfigurationItem>().OrderBy(c => c.Name).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
    }
}
