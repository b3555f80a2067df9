using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

public sealed record ExperienceWeightsView(int Satisfaction, int ReopenRate, int FirstContactResolution, int WithinSla, int Effort, long Version);

public sealed record ExperienceWeightsDraft(int? Satisfaction, int? ReopenRate, int? FirstContactResolution, int? WithinSla, int? Effort);

/// <summary>The weights of the experience score: everyone who reads experience reads them (they explain the score); the IT leader and admins set them.</summary>
public sealed class ExperienceSettingsService(KeelDb db, ICurrentUser user)
{
    public async Task<Result<ExperienceWeightsView>> GetAsync(CancellationToken ct)
    {
        if (!ValueAccess.ReadsExperience(user))
        {
            return Error.Forbidden("Experience settings are for IT staff and leaders.");
        }
        return View(await db.Set<ExperienceWeights>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ExperienceWeights());
    }

    /// <summary>Replaces the weights; <paramref name="expectedVersion"/> is the version read (0 before the first save).</summary>
    public async Task<Result<ExperienceWeightsView>> UpdateAsync(ExperienceWeightsDraft draft, long expectedVersion, CancellationToken ct)
    {
        if (!ValueAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader or an admin sets the experience weights.");
        }
        var stored = await db.Set<ExperienceWeights>().FirstOrDefaultAsync(ct);
        var weights = stored ?? new ExperienceWeights();
        if (weights.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        weights.Satisfaction = Required(errors, "satisfaction", draft.Satisfaction);
        weights.ReopenRate = Required(errors, "reopenRate", draft.ReopenRate);
        weights.FirstContactResolution = Required(errors, "firstContactResolution", draft.FirstContactResolution);
        weights.WithinSla = Required(errors, "withinSla", draft.WithinSla);
        weights.Effort = Required(errors, "effort", draft.Effort);
        if (!errors.Any)
        {
            weights.Validate(errors);
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (stored is null)
        {
            // The first save makes version 1, so a second writer who also read the defaults (version 0) is refused.
            weights.Version = 1;
            db.Add(weights);
        }
        else
        {
            db.Entry(weights).Property(w => w.Version).OriginalValue = expectedVersion;
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<ExperienceWeightsView>)View(weights);
    }

    private static int Required(FieldErrors errors, string field, int? value)
    {
        if (value is null)
        {
            errors.Add(field, "is required.");
        }
        return value ?? 0;
    }

    private static ExperienceWeightsView View(ExperienceWeights w) =>
        new(w.Satisfaction, w.ReopenRate, w.FirstContactResolution, w.WithinSla, w.Effort, w.Version);
}
