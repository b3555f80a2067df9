using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

public sealed record ProblemSettingsView(int CandidateThreshold, int CandidateWindowDays, long Version);

public sealed record ProblemSettingsPatch(Optional<int?> CandidateThreshold = default, Optional<int?> CandidateWindowDays = default);

/// <summary>When the candidate job proposes a problem (N incidents within D days): read by problem staff, changed by admins.</summary>
public sealed class ProblemSettingsService(KeelDb db, ICurrentUser user)
{
    /// <summary>The stored settings, or the defaults (5 incidents in 7 days) while none are stored.</summary>
    public static async Task<ProblemSettings> CurrentAsync(KeelDb db, CancellationToken ct) =>
        await db.Set<ProblemSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == ProblemSettings.SingletonId, ct) ?? new ProblemSettings();

    public async Task<Result<ProblemSettingsView>> GetAsync(CancellationToken ct) =>
        ProblemAccess.CanWork(user) ? View(await CurrentAsync(db, ct)) : ProblemAccess.NotForYou();

    public async Task<Result<ProblemSettingsView>> UpdateAsync(long expectedVersion, ProblemSettingsPatch patch, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins change when problem candidates are proposed.");
        }
        var settings = await db.Set<ProblemSettings>().FirstOrDefaultAsync(s => s.Id == ProblemSettings.SingletonId, ct);
        var isNew = settings is null;
        settings ??= new ProblemSettings();
        if (settings.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        settings.CandidateThreshold = Required(patch.CandidateThreshold, settings.CandidateThreshold, "candidateThreshold", errors);
        settings.CandidateWindowDays = Required(patch.CandidateWindowDays, settings.CandidateWindowDays, "candidateWindowDays", errors);
        settings.Validate(errors);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
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
        return await db.SaveOrConflictAsync(ct) ?? (Result<ProblemSettingsView>)View(settings);
    }

    private static int Required(Optional<int?> value, int current, string field, FieldErrors errors)
    {
        if (value.IsSet && value.Value is null)
        {
            errors.Add(field, "is required.");
        }
        return value.Or(current) ?? current;
    }

    private static ProblemSettingsView View(ProblemSettings s) => new(s.CandidateThreshold, s.CandidateWindowDays, s.Version);
}
