using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>
/// The names behind the ids that history lines store (team, assignee, configuration item, service, stakeholder) and of
/// the actors, for a whole page of lines in one query per kind of id. A record deleted since shows as "(removed)".
/// </summary>
internal sealed class HistoryNames
{
    private enum Kind
    {
        Person,
        Team,
        ConfigurationItem,
        Service,
        Initiative,
    }

    private static readonly Dictionary<string, Kind> Fields = new(StringComparer.Ordinal)
    {
        ["assignee"] = Kind.Person,
        ["requester"] = Kind.Person,
        ["requestedFor"] = Kind.Person,
        [MajorIncident.StakeholderField] = Kind.Person,
        ["team"] = Kind.Team,
        ["configurationItem"] = Kind.ConfigurationItem,
        ["service"] = Kind.Service,
        [Balance.WorkInvestmentService.InitiativeField] = Kind.Initiative,
    };

    private readonly Dictionary<Kind, Dictionary<Guid, string>> _names;

    private HistoryNames(Dictionary<Kind, Dictionary<Guid, string>> names) => _names = names;

    public static async Task<HistoryNames> LoadAsync(KeelDb db, IReadOnlyList<WorkEvent> lines, CancellationToken ct)
    {
        IEnumerable<Guid> Ids(Kind kind) => lines
            .Where(l => l.Field is { } f && Fields.TryGetValue(f, out var k) && k == kind)
            .SelectMany(l => new[] { l.From, l.To })
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty);
        var people = Ids(Kind.Person).Concat(lines.Select(l => l.ActorId ?? Guid.Empty));
        return new HistoryNames(new Dictionary<Kind, Dictionary<Guid, string>>
        {
            [Kind.Person] = await db.DisplayNamesAsync(people, ct),
            [Kind.Team] = await WorkViews.NamesAsync(db.Set<Team>(), Ids(Kind.Team).Cast<Guid?>(), t => new { t.Id, t.Name }, x => x.Id, x => x.Name, ct),
            [Kind.ConfigurationItem] = await WorkViews.NamesAsync(db.Set<ConfigurationItem>(), Ids(Kind.ConfigurationItem).Cast<Guid?>(), c => new { c.Id, c.Name }, x => x.Id, x => x.Name, ct),
            [Kind.Service] = await WorkViews.NamesAsync(db.Set<Service>(), Ids(Kind.Service).Cast<Guid?>(), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct),
            [Kind.Initiative] = await WorkViews.NamesAsync(db.Set<Domain.Balance.Initiative>(), Ids(Kind.Initiative).Cast<Guid?>(), i => new { i.Id, Name = i.Number + " " + i.Name }, x => x.Id, x => x.Name, ct),
        });
    }

    /// <summary>Whether a field's values are ids of other records (shown by name).</summary>
    public static bool IsReference(string? field) => field is not null && Fields.ContainsKey(field);

    /// <summary>The value as a person reads it: the name for an id of a reference field, the stored value otherwise.</summary>
    public string? Value(string? field, string? stored) =>
        IsReference(field) && Guid.TryParse(stored, out var id)
            ? _names[Fields[field!]].GetValueOrDefault(id, "(removed)")
            : stored;

    public Ref? Actor(Guid? id) => id is { } a ? new Ref(a, _names[Kind.Person].GetValueOrDefault(a, "")) : null;
}
