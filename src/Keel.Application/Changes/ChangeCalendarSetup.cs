using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Changes;

public static class ChangeCalendarSetup
{
    /// <summary>The change calendar: windows, conflicts, scheduling with the freeze gate, and the iCalendar feed.</summary>
    public static IServiceCollection AddChangeCalendarUseCases(this IServiceCollection services) => services
        .AddScoped<ChangeWindowService>()
        .AddScoped<ChangeCalendarService>()
        .AddScoped<ChangeScheduleService>()
        .AddScoped<CalendarFeedService>();
}
