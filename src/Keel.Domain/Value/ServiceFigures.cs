using Keel.Domain.Experience;

namespace Keel.Domain.Value;

/// <summary>The value rollup's counts and sums of one service over a period (the sum of its <see cref="ServiceDay"/> rows).</summary>
public sealed record ServiceFigures(
    int Raised, int Resolved, int Reopened, int FirstContact, int Interactions, int ResolutionMet, int ResolutionBreached,
    int SlaMet, int SlaBreached, int SurveysSent, int Responses, int RatingSum, long LabourMinutes, long LabourMinor)
{
    public static readonly ServiceFigures None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ExperienceInputs Experience => new(Responses, RatingSum, Resolved, Reopened, FirstContact, Interactions, ResolutionMet, ResolutionBreached);

    /// <summary>Met of all decided SLA clocks, 0–1; null when none was decided.</summary>
    public decimal? SlaAttainment => SlaMet + SlaBreached > 0 ? Math.Round((decimal)SlaMet / (SlaMet + SlaBreached), 4, MidpointRounding.AwayFromZero) : null;

    public decimal? ResponseRate => SurveysSent > 0 ? Math.Round((decimal)Responses / SurveysSent, 4, MidpointRounding.AwayFromZero) : null;

    public static ServiceFigures operator +(ServiceFigures a, ServiceFigures b) => new(
        a.Raised + b.Raised, a.Resolved + b.Resolved, a.Reopened + b.Reopened, a.FirstContact + b.FirstContact,
        a.Interactions + b.Interactions, a.ResolutionMet + b.ResolutionMet, a.ResolutionBreached + b.ResolutionBreached,
        a.SlaMet + b.SlaMet, a.SlaBreached + b.SlaBreached, a.SurveysSent + b.SurveysSent, a.Responses + b.Responses,
        a.RatingSum + b.RatingSum, a.LabourMinutes + b.LabourMinutes, a.LabourMinor + b.LabourMinor);
}
