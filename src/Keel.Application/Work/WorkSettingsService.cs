using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record WorkSettingsView(IReadOnlyList<int> PriorityMatrix, double ReopenWindowDays, double AutoCloseAfterDays, Ref? DefaultIncidentTeam, long Version);

public sealed record WorkSettingsPatch(
    Optional<IReadOnlyList<int>?> PriorityMatrix, Optional<double?> ReopenWindowDays, Optional<double?> AutoCloseAfterDays, Optional<Guid?> DefaultIncidentTeamId);

/// <summary>The desk's tunable rules: read by everyone who works items, changed by admins.</summary>
public sealed class WorkSettingsService(KeelDb db, ICurrentUser user)
{
    /// <summary>The stored settings, or the defaults of API.md while none are stored.</summary>
    public static async Task<WorkSettings> CurrentAsync(KeelDb db, CancellationToken ct) =>
        await db.Set<WorkSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == WorkSettings.SingletonId, ct) ?? new WorkSettings();

    public async Task<Result<WorkSettingsView>> GetAsync(CancellationToken ct) =>
        WorkAccess.IsWorker(user) ? await ViewAsync(await CurrentAsync(db, ct), ct) : Error.Forbidden("Only IT staff read the desk's settings.");

    public async Task<Result<WorkSettingsView>> UpdateAsync(long expectedVersion, WorkSettingsPatch patch, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins change the desk's settings.");
        }
        var settings = await db.Set<WorkSettings>().FirstOrDefaultAsync(s => s.Id == WorkSettings.SingletonId, ct);
        var isNew = settings is null;
        settings ??= new WorkSettings();
        if (settings.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        if (patch.PriorityMatrix.IsSet)
        {
            settings.Matrix = new PriorityMatrix(patch.PriorityMatrix.Value ?? []);
        }
        if (patch.ReopenWindowDays.IsSet)
        {
            settings.ReopenWindow = Days(patch.ReopenWindowDays.Value);
        }
        if (patch.AutoCloseAfterDays.IsSet)
        {
            settings.AutoCloseAfter = Days(patch.AutoCloseAfterDays.Value);
        }
        settings.DefaultIncidentTeamId = patch.DefaultIncidentTeamId.Or(settings.DefaultIncidentTeamId);
        var errors = new FieldErrors();
        settings.Validate(errors);
        if (settings.DefaultIncidentTeamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team, ct))
        {
            errors.Add("defaultIncidentTeamId", "is not a team.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (isNew)
        {
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = expectedVersion;
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkSettingsView>)await ViewAsync(settings, ct);
    }

    /// <summary>Days as a span; a missing or absurd number becomes a negative span, which validation refuses (TimeSpan would overflow).</summary>
    private static TimeSpan Days(double? days) =>
        days is { } d && double.IsFinite(d) && Math.Abs(d) <= 100 * WorkSettings.LongestWindow.TotalDays ? TimeSpan.FromDays(d) : TimeSpan.MinValue;

    private async Task<WorkSettingsView> ViewAsync(WorkSettings s, CancellationToken ct)
    {
        var team = s.DefaultIncidentTeamId is { } id ? await db.Set<Team>().Where(t => t.Id == id).Select(t => new Ref(t.Id, t.Name)).FirstOrDefaultAsync(ct) : null;
        return new WorkSettingsView(s.Matrix.Cells, s.ReopenWindow.TotalDays, s.AutoCloseAfter.TotalDays, team, s.Version);
    }
}
