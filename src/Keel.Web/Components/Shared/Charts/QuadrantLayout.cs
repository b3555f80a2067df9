namespace Keel.Web.Components.Shared.Charts;

/// <summary>A drawn dot: where it sits, how big, in which colour and quadrant, and its label (null when none fits).</summary>
public sealed record PlacedPoint(QuadrantPoint Point, double X, double Y, double R, ChartTone Tone, string Quadrant, PlacedLabel? Label);

public sealed record PlacedLabel(string Text, double X, double Y, string Anchor);

/// <summary>A quadrant's caption, wrapped to its quadrant's width, in the corner away from the two dividing lines.</summary>
public sealed record QuadrantCaption(string Quadrant, IReadOnlyList<string> Lines, double X, double Y, string Anchor);

/// <summary>
/// Where everything on the value/experience quadrant goes, in the drawing's own units (<see cref="Width"/> ×
/// <see cref="Height"/>; the SVG scales to its container). x is the experience score on a linear axis ending at 100; y is
/// value to cost on a log10 axis of whole decades, so 0.1, 1, 10 and 100 are evenly spaced and "value equals cost" (1) is
/// the horizontal dividing line. Labels go beside their dot where they overlap no other label, dot or caption.
/// </summary>
public sealed class QuadrantLayout
{
    public const double Width = 720;
    public const double Height = 440;
    public const double Left = 64;
    public const double Right = 708;
    public const double Top = 12;
    public const double Bottom = 390;
    public const double LabelFont = 11.5;
    public const double CaptionFont = 11;
    public const double CaptionLine = 13.5;
    private const int LabelLength = 20;
    private const int ShortLabelLength = 11;

    public const string ValuedWell = "valued-well";
    public const string ValuedPoorly = "valued-poorly";
    public const string CostlyWell = "costly-well";
    public const string CostlyPoorly = "costly-poorly";

    public static readonly IReadOnlyDictionary<string, string> Captions = new Dictionary<string, string>
    {
        [ValuedWell] = "Valued and well experienced",
        [ValuedPoorly] = "Valued, poorly experienced",
        [CostlyWell] = "Costs more than it enables, well experienced",
        [CostlyPoorly] = "Review: costly and poorly experienced",
    };

    public double XMin { get; }
    public double XMax { get; } = 100;
    public double YMin { get; }
    public double YMax { get; }
    public double Threshold { get; }
    public IReadOnlyList<double> XTicks { get; }
    public IReadOnlyList<double> YTicks { get; }
    public IReadOnlyList<PlacedPoint> Points { get; }
    public IReadOnlyList<QuadrantPoint> NotDrawn { get; }
    public IReadOnlyList<QuadrantCaption> CaptionsPlaced { get; }

    public QuadrantLayout(IReadOnlyList<QuadrantPoint> points, double threshold, double? xMin = null)
    {
        Threshold = Math.Clamp(threshold, 0, 100);
        var drawn = points.Where(p => p.Score is not null && p.ValueToCost is not null).ToList();
        NotDrawn = points.Where(p => p.Score is null || p.ValueToCost is null).ToList();

        // Scores gather high: the axis starts at a round ten below the lowest score and at least 25 below the threshold.
        var lowest = drawn.Count == 0 ? Threshold : drawn.Min(p => (double)p.Score!.Value);
        XMin = Math.Clamp(xMin ?? Math.Floor(Math.Min(lowest, Threshold - 25) / 10) * 10, 0, Math.Min(Threshold, 90));
        XTicks = ChartMath.NiceTicks(XMin, XMax).Ticks.Where(t => t >= XMin && t <= XMax).ToList();

        // Whole decades from at most 0.1 to at least 10, so "value equals cost" is never on the edge.
        var ratios = drawn.Select(p => (double)p.ValueToCost!.Value).Where(r => r > 0).ToList();
        var low = Math.Min(0.1, ratios.Count == 0 ? 0.1 : ratios.Min());
        var high = Math.Max(10, ratios.Count == 0 ? 10 : ratios.Max());
        YMin = Math.Pow(10, Math.Max(-3, Math.Floor(Math.Log10(low) + 1e-9)));
        YMax = Math.Pow(10, Math.Min(5, Math.Ceiling(Math.Log10(high) - 1e-9)));
        var ticks = new List<double>();
        for (var tick = YMin; tick <= YMax * 1.001; tick *= 10)
        {
            ticks.Add(tick);
        }
        YTicks = ticks;

        CaptionsPlaced = PlaceCaptions();
        // The captions live in bands above and below the decades, so no dot ever sits on a caption.
        _plotTop = Top + CaptionsPlaced.Where(c => c.Y < ThresholdBand).Max(c => c.Lines.Count) * CaptionLine + 6;
        _plotBottom = Bottom - CaptionsPlaced.Where(c => c.Y >= ThresholdBand).Max(c => c.Lines.Count) * CaptionLine - 6;
        Points = PlacePoints(drawn);
    }

    public double X(double score) => ChartMath.Linear(Math.Clamp(score, XMin, XMax), XMin, XMax, Left, Right);

    private const double ThresholdBand = (Top + Bottom) / 2;
    private readonly double _plotTop = Top;
    private readonly double _plotBottom = Bottom;

    public double Y(double ratio) => ChartMath.Log(ratio, YMin, YMax, _plotBottom, _plotTop);

    public double ThresholdX => X(Threshold);

    public double ParityY => Y(1);

    /// <summary>What the horizontal dividing line means, written just above its left end.</summary>
    public const string ParityText = "value = cost";

    public static string QuadrantOf(double score, double ratio, double threshold) =>
        (ratio >= 1, score >= threshold) switch
        {
            (true, true) => ValuedWell,
            (true, false) => ValuedPoorly,
            (false, true) => CostlyWell,
            (false, false) => CostlyPoorly,
        };

    public static ChartTone ToneOf(string quadrant) => quadrant switch
    {
        ValuedWell => ChartTone.Success,
        CostlyPoorly => ChartTone.Error,
        _ => ChartTone.Warning,
    };

    /// <summary>Captions in the corners of the frame; they depend on the threshold only, so they are placed before the y scale.</summary>
    private IReadOnlyList<QuadrantCaption> PlaceCaptions()
    {
        var x = ThresholdX;
        QuadrantCaption Caption(string quadrant, bool left, bool top)
        {
            var width = (left ? x - Left : Right - x) - 16;
            var lines = ChartMath.Wrap(Captions[quadrant], Math.Max(8, (int)(width / (CaptionFont * 0.58))));
            var textX = left ? Left + 8 : Right - 8;
            var textY = top ? Top + CaptionFont + 3 : Bottom - 6 - (lines.Count - 1) * CaptionLine;
            return new QuadrantCaption(quadrant, lines, textX, textY, left ? "start" : "end");
        }
        return
        [
            Caption(ValuedPoorly, left: true, top: true),
            Caption(ValuedWell, left: false, top: true),
            Caption(CostlyPoorly, left: true, top: false),
            Caption(CostlyWell, left: false, top: false),
        ];
    }

    private List<PlacedPoint> PlacePoints(List<QuadrantPoint> drawn)
    {
        var largest = drawn.Select(p => p.Size ?? 0).DefaultIfEmpty(0).Max();
        var dots = drawn.Select(p =>
        {
            var (score, ratio) = ((double)p.Score!.Value, (double)p.ValueToCost!.Value);
            var quadrant = QuadrantOf(score, ratio, Threshold);
            var r = largest > 0 && p.Size is { } size ? 5 + 9 * Math.Sqrt((double)Math.Max(0, size) / (double)largest) : 6.5;
            return new PlacedPoint(p, X(score), Y(ratio), r, p.Tone ?? ToneOf(quadrant), quadrant, null);
        }).ToList();

        // Obstacles: every dot and caption. The biggest dots are labelled first; they are the ones a reader looks for.
        var boxes = dots.Select(d => Box.Around(d.X, d.Y, d.R)).ToList();
        var taken = new List<Box>(CaptionsPlaced.Select(CaptionBox))
        {
            new(Left + 6, ParityY - 5 - CaptionFont, ChartMath.TextWidth(ParityText, CaptionFont), CaptionFont + 2),
        };
        var labels = new PlacedLabel?[dots.Count];
        foreach (var i in Enumerable.Range(0, dots.Count).OrderByDescending(i => dots[i].R))
        {
            var dot = dots[i];
            var others = boxes.Where((_, j) => j != i);
            var label = Candidates(dot, ChartMath.Fit(dot.Point.Label, LabelLength))
                .Concat(Candidates(dot, ChartMath.Fit(dot.Point.Label, ShortLabelLength)))
                .FirstOrDefault(c => c.Box.Inside(Left, Top, Right, Bottom) && !taken.Concat(others).Any(t => t.Overlaps(c.Box)));
            if (label.Label is not null)
            {
                taken.Add(label.Box);
            }
            labels[i] = label.Label;
        }
        // Small dots are drawn last, on top of big ones, so that each stays clickable.
        return dots.Select((d, i) => d with { Label = labels[i] }).OrderByDescending(d => d.R).ToList();
    }

    private static IEnumerable<(PlacedLabel Label, Box Box)> Candidates(PlacedPoint dot, string text)
    {
        var (w, h, gap) = (ChartMath.TextWidth(text, LabelFont), LabelFont + 2, 4);
        var (x, y, r) = (dot.X, dot.Y, dot.R);
        yield return (new PlacedLabel(text, x + r + gap, y + LabelFont / 2 - 1.5, "start"), new Box(x + r + gap, y - h / 2, w, h));
        yield return (new PlacedLabel(text, x - r - gap, y + LabelFont / 2 - 1.5, "end"), new Box(x - r - gap - w, y - h / 2, w, h));
        yield return (new PlacedLabel(text, x, y - r - gap - 2, "middle"), new Box(x - w / 2, y - r - gap - h, w, h));
        yield return (new PlacedLabel(text, x, y + r + gap + LabelFont - 1, "middle"), new Box(x - w / 2, y + r + gap, w, h));
    }

    private static Box CaptionBox(QuadrantCaption caption)
    {
        var width = caption.Lines.Max(l => ChartMath.TextWidth(l, CaptionFont));
        var left = caption.Anchor == "start" ? caption.X : caption.X - width;
        return new Box(left, caption.Y - CaptionFont, width, (caption.Lines.Count - 1) * CaptionLine + CaptionFont + 3);
    }

    /// <summary>An axis-aligned rectangle in drawing units.</summary>
    private sealed record Box(double X, double Y, double W, double H)
    {
        public static Box Around(double x, double y, double r) => new(x - r, y - r, 2 * r, 2 * r);

        public bool Overlaps(Box other) =>
            X < other.X + other.W && other.X < X + W && Y < other.Y + other.H && other.Y < Y + H;

        public bool Inside(double left, double top, double right, double bottom) =>
            X >= left && Y >= top && X + W <= right && Y + H <= bottom;
    }
}
