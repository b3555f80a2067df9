using System.Globalization;
using Keel.Application.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Map;

namespace Keel.Web.Components.Pages.Services.Map;

/// <summary>How the service map draws: numbers for SVG, arrow shapes between boxes, words and CSS classes per relationship type.</summary>
public static class MapDrawing
{
    /// <summary>The relationship types in the order the legend shows them, with the arrow's wording.</summary>
    public static readonly IReadOnlyList<(string Type, string Words)> EdgeTypes =
    [
        (ServiceMapService.DeliveredBy, "delivered by"),
        ("DependsOn", "depends on"),
        ("RunsOn", "runs on"),
        ("HostedBy", "hosted by"),
        ("ConnectsTo", "connects to"),
    ];

    public const int NameLength = 19;
    public const int MetaLength = 28;

    /// <summary>SVG wants invariant numbers whatever the person's culture ("12.5", never "12,5").</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string EdgeWords(string type) => EdgeTypes.FirstOrDefault(t => t.Type == type).Words ?? ServiceText.Words(type).ToLowerInvariant();

    public static string EdgeClass(string type) => "edge-" + type.ToLowerInvariant();

    public static string StatusClass(string status) => "status-" + status.ToLowerInvariant();

    public static string KindClass(MapNodeKind kind) => kind == MapNodeKind.Service ? "kind-service" : "kind-ci";

    /// <summary>
    /// The text that fits a box; the full text is in the box's tooltip, its accessible name and the side panel. A host name
    /// loses its middle, so the end that tells siblings apart stays ("vm-companyw…site-01"); words lose their end.
    /// </summary>
    public static string Fit(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            return string.Concat(text.AsSpan(0, length - 1).TrimEnd(), "…");
        }
        var tail = Math.Min(7, length / 2 - 1);
        return string.Concat(text.AsSpan(0, length - 1 - tail), "…", text.AsSpan(text.Length - tail));
    }

    public static string Meta(MapNodeView node) =>
        node.Kind == MapNodeKind.Service ? $"Service · {node.Status}" : $"{TypeWords(node.Type)} · {node.Status}";

    /// <summary>"Virtual machine"; an acronym stays whole ("SaaS", not "Saa s").</summary>
    public static string TypeWords(string type) => type == CiTypes.SaaS ? type : ServiceText.Words(type);

    /// <summary>"crm-app, application, active, 1 step down" — what a screen reader says for a box.</summary>
    public static string Label(MapNodeView node) =>
        $"{node.Name}, {(node.Kind == MapNodeKind.Service ? "service" : TypeWords(node.Type).ToLowerInvariant())}, {node.Status.ToLowerInvariant()}"
        + (node.Depth == 0 ? ", centre of the map" : $", {node.Depth} {(node.Depth == 1 ? "step" : "steps")} down")
        + (node.Hidden > 0 ? $", {node.Hidden} more below not drawn" : "");

    /// <summary>
    /// The arrows of a map with their curves. Arrows leaving a box downwards spread along its bottom edge in the order
    /// of their targets (and arriving ones along the top edge in the order of their sources), so a fan of ten arrows
    /// reads as ten lines rather than a knot.
    /// </summary>
    public static IReadOnlyList<Arrow> Arrows(ServiceMapView map)
    {
        var at = map.Nodes.ToDictionary(n => n.Id);
        var edges = map.Edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To)).ToList();
        var down = edges.Where(e => at[e.To].Y > at[e.From].Y + 1).ToList();
        var leave = Ports(down.GroupBy(e => e.From), e => at[e.To].X, map.NodeWidth);
        var arrive = Ports(down.GroupBy(e => e.To), e => at[e.From].X, map.NodeWidth);
        return edges.Select(e => Draw(e, at[e.From], at[e.To], leave.GetValueOrDefault(e), arrive.GetValueOrDefault(e), map.NodeHeight)).ToList();
    }

    private static Dictionary<MapEdgeView, double> Ports(IEnumerable<IGrouping<Guid, MapEdgeView>> groups, Func<MapEdgeView, double> otherX, double width)
    {
        var offsets = new Dictionary<MapEdgeView, double>();
        foreach (var group in groups)
        {
            var sorted = group.OrderBy(otherX).ToList();
            var step = Math.Min(14, width * 0.7 / Math.Max(1, sorted.Count - 1));
            for (var i = 0; i < sorted.Count; i++)
            {
                offsets[sorted[i]] = (i - (sorted.Count - 1) / 2.0) * step;
            }
        }
        return offsets;
    }

    /// <summary>
    /// A curve from the needing box to the needed one: bottom to top when the needed box is lower (the usual case),
    /// a loop under both boxes when they share a row, top to bottom when a relationship points back up (a cycle).
    /// </summary>
    private static Arrow Draw(MapEdgeView edge, MapNodeView from, MapNodeView to, double leave, double arrive, double height)
    {
        var half = height / 2;
        if (Math.Abs(to.Y - from.Y) < 1)
        {
            var sag = 26 + Math.Abs(to.X - from.X) * 0.1;
            var (x1, x2, y) = (from.X + Math.Sign(to.X - from.X) * 20, to.X - Math.Sign(to.X - from.X) * 20, from.Y + half);
            return new Arrow(edge, $"M{N(x1)},{N(y)} C{N(x1)},{N(y + sag)} {N(x2)},{N(y + sag)} {N(x2)},{N(y + 2)}", false, (x1 + x2) / 2, y + sag * 0.75);
        }
        if (to.Y > from.Y)
        {
            var (x1, y1, x2, y2) = (from.X + leave, from.Y + half, to.X + arrive, to.Y - half - 2);
            var bend = Math.Min((y2 - y1) / 2, 56);
            return new Arrow(edge, $"M{N(x1)},{N(y1)} C{N(x1)},{N(y1 + bend)} {N(x2)},{N(y2 - bend)} {N(x2)},{N(y2)}", false, (x1 + x2) / 2, (y1 + y2) / 2);
        }
        // Offset sideways so a back edge does not run over the forward edge between the same two boxes.
        var side = from.X <= to.X ? -(from.X == to.X ? 30 : 18) : 18;
        var (bx1, by1, bx2, by2) = (from.X + side, from.Y - half, to.X + side, to.Y + half + 2);
        return new Arrow(edge, $"M{N(bx1)},{N(by1)} C{N(bx1)},{N(by1 - 46)} {N(bx2)},{N(by2 + 46)} {N(bx2)},{N(by2)}", true, (bx1 + bx2) / 2, (by1 + by2) / 2);
    }

    /// <summary>The horizontal bands behind each layer: top, bottom and depth, so rows wrapped from one layer read as one.</summary>
    public static IReadOnlyList<(int Depth, double Top, double Bottom)> Bands(ServiceMapView map) =>
        map.Nodes.GroupBy(n => n.Depth).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Min(n => n.Y) - map.NodeHeight / 2 - 14, g.Max(n => n.Y) + map.NodeHeight / 2 + 14)).ToList();
}

/// <summary>An arrow as drawn: its SVG path, whether it points back up (a cycle), and where its label goes.</summary>
public sealed record Arrow(MapEdgeView Edge, string D, bool Back, double LabelX, double LabelY);

/// <summary>What a failure of <see cref="Failed"/> reaches, as ids on the map: affected CIs and services.</summary>
public sealed record MapImpact(Guid Failed, IReadOnlySet<Guid> Affected, ImpactView Report)
{
    public static MapImpact From(ImpactView report) =>
        new(report.ConfigurationItem.Id,
            report.ConfigurationItems.Select(c => c.Id).Concat(report.Services.Select(s => s.Service.Id)).ToHashSet(),
            report);

    public bool Reaches(Guid id) => id == Failed || Affected.Contains(id);

    /// <summary>An arrow the failure travels against: its needed side is failed or affected, its needing side affected.</summary>
    public bool Carries(MapEdgeView edge) => Affected.Contains(edge.From) && Reaches(edge.To);
}
