using Keel.Application.Platform.Notifications;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Platform;

public sealed record UnreadCount(int Unread);

/// <summary>The caller's own notifications and their choice of channels per event.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Platform");
        group.MapGet("/notifications", List).RequireAuthorization(Policies.SignedIn).WithName("ListMyNotifications")
            .WithSummary("The caller's in-app notifications, newest first; ?unread=true for the unread ones.");
        group.MapGet("/notifications/unread-count", Unread).RequireAuthorization(Policies.SignedIn).WithName("CountMyUnreadNotifications")
            .WithSummary("How many in-app notifications the caller has not read.");
        group.MapPost("/notifications/{id:guid}/read", Read).RequireAuthorization(Policies.SignedIn).WithName("ReadMyNotification").WithSummary("Mark one as read.");
        group.MapPost("/notifications/read-all", ReadAll).RequireAuthorization(Policies.SignedIn).WithName("ReadAllMyNotifications").WithSummary("Mark all as read.");
        group.MapGet("/notification-preferences", Preferences).RequireAuthorization(Policies.SignedIn).WithName("GetMyNotificationPreferences")
            .WithSummary("Per event: in-app and/or e-mail (both on unless changed).");
        group.MapPut("/notification-preferences", SetPreferences).RequireAuthorization(Policies.SignedIn).WithName("SetMyNotificationPreferences")
            .WithSummary("Set the channels of some or all events: [ { event, inApp, email } ].");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<NotificationView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, bool? unread, NotificationService notifications, CancellationToken ct) =>
        ApiResults.List(await notifications.ListAsync(unread == true, query.Page, ct));

    private static async Task<Ok<UnreadCount>> Unread(NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(ct)));

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> Read(Guid id, NotificationService notifications, CancellationToken ct) =>
        Ok(await notifications.MarkReadAsync(id, ct));

    private static async Task<NoContent> ReadAll(NotificationService notifications, CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ListResponse<PreferenceView>>> Preferences(NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new ListResponse<PreferenceView>(await notifications.PreferencesAsync(ct), null));

    private static async Task<Results<Ok<ListResponse<PreferenceView>>, ProblemHttpResult>> SetPreferences(
        List<PreferenceView> preferences, NotificationService notifications, CancellationToken ct) =>
        All(await notifications.SetPreferencesAsync(preferences, ct));
}
