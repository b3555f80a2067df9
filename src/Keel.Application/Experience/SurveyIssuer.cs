using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Notifications;
using Keel.Domain.Experience;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Services;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Experience;

/// <summary>
/// Asks "how did we do?" after incidents are resolved and requests fulfilled. Every few minutes it reads the items
/// resolved since its watermark (less an overlap, for saves that committed late), keeps those whose service's sample
/// rate selects them (<see cref="SurveySampling"/>) and whose requester, or the person a request is for, is active,
/// and sends each one survey: one per item, whatever reruns or second nodes do (the unique index on the item).
/// On its very first run it only sets the watermark, so history resolved before Keel asked nobody is not surveyed.
/// </summary>
public sealed class SurveyIssuer(KeelDb db, TimeProvider time, NotificationLinks links) : IJobHandler
{
    public const string JobType = "experience.surveys";
    public const string Schedule = "every 5m";
    public const string MarkName = "surveys";

    /// <summary>Items resolved this long before the watermark are read again: a save that committed after the last run began is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private const int Batch = 500;
    private static readonly WorkKind[] Kinds = [WorkKind.Incident, WorkKind.Request];
    private static readonly WorkState[] Done = [WorkState.Resolved, WorkState.Fulfilled, WorkState.Closed];

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken) => await IssueAsync(cancellationToken);

    /// <summary>Sends the surveys due now; returns how many.</summary>
    public async Task<int> IssueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mark = await db.Set<RollupMark>().FirstOrDefaultAsync(m => m.Name == MarkName, ct);
        if (mark is null)
        {
            db.Add(new RollupMark { Name = MarkName, Since = now });
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var since = mark.Since - Overlap;
        var sent = 0;
        (DateTime At, Guid Id)? after = null;
        while (true)
        {
            var items = await CandidatesAsync(since, after, ct);
            sent += await SendAsync(items, now, ct);
            if (items.Count < Batch)
            {
                break;
            }
            after = (items[^1].ResolvedAt!.Value, items[^1].Id);
        }
        mark.Since = now;
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>The next batch of resolved items without a survey, in (resolvedAt, id) order after <paramref name="after"/>.</summary>
    private async Task<List<WorkItem>> CandidatesAsync(DateTime since, (DateTime At, Guid Id)? after, CancellationToken ct)
    {
        // Resolving sets UpdatedAt with ResolvedAt, so the UpdatedAt bound lets the (kind, state, updatedAt) index do the reading.
        var query = db.Set<WorkItem>().AsNoTracking()
            .Where(w => Kinds.Contains(w.Kind) && Done.Contains(w.State) && w.UpdatedAt >= since
                && w.ResolvedAt != null && w.ResolvedAt >= since && w.DuplicateOfId == null
                && !db.Set<Survey>().Any(s => s.WorkItemId == w.Id));
        if (after is { } last)
        {
            query = query.Where(w => w.ResolvedAt > last.At || (w.ResolvedAt == last.At && w.Id.CompareTo(last.Id) > 0));
        }
        return await query.OrderBy(w => w.ResolvedAt).ThenBy(w => w.Id).Take(Batch).ToListAsync(ct);
    }

    private async Task<int> SendAsync(List<WorkItem> items, DateTime now, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return 0;
        }
        var serviceIds = items.Select(i => i.ServiceId).Distinct().ToList();
        var rates = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.SurveySampleRate, ct);
        var recipientIds = items.Select(Recipient).Distinct().ToList();
        var active = (await db.Users.Where(u => recipientIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var intents = new List<(NotificationIntent, WorkItem, Guid?)>();
        foreach (var item in items)
        {
            var recipient = Recipient(item);
            if (!active.Contains(recipient) || !SurveySampling.Selects(item.Id, rates.GetValueOrDefault(item.ServiceId, 1m)))
            {
                continue;
            }
            var survey = new Survey
            {
                WorkItemId = item.Id, ServiceId = item.ServiceId, RecipientId = recipient, Token = SurveyTokens.New(),
                SentAt = now, ExpiresAt = now + Survey.DefaultLifetime,
            };
            db.Add(survey);
            // The e-mail carries the survey's own link; the in-app message points at the item in the portal.
            var link = links.Absolute($"/surveys/{survey.Token}");
            intents.Add((new NotificationIntent(recipient, NotificationEvent.SurveyRequested, true, link), item, null));
        }
        if (intents.Count == 0)
        {
            return 0;
        }
        await NotificationWriter.AddAsync(db, links, intents, now, ct);
        await db.SaveChangesAsync(ct);
        return intents.Count;
    }

    private static Guid Recipient(WorkItem item) => item.RequestedForId ?? item.RequesterId;
}
