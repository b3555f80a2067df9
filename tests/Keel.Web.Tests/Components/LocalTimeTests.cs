using Bunit;
using Keel.Web.Components.Shared;

namespace Keel.Web.Tests.Components;

public sealed class LocalTimeTests : ComponentTest
{
    private IRenderedComponent<LocalTime> RenderFor(string zone, DateTime? utc) =>
        Render<LocalTime>(p => p.Add(t => t.Value, utc).AddCascadingValue(new UserSession("Berta Berliner", zone)));

    [Fact]
    public void LocalTime_BerlinUserInWinter_ShowsCentralEuropeanTime()
    {
        var time = RenderFor("Europe/Berlin", new DateTime(2026, 11, 27, 9, 15, 0, DateTimeKind.Utc));

        time.Find("time").TextContent.ShouldBe("27 Nov 2026, 10:15 UTC+1");
        time.Find("time").GetAttribute("datetime").ShouldBe("2026-11-27T09:15:00Z");
        time.Find("time").GetAttribute("title").ShouldBe("Europe/Berlin");
    }

    [Fact]
    public void LocalTime_BerlinUserInSummer_ShowsSummerTime()
    {
        RenderFor("Europe/Berlin", new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc))
            .Find("time").TextContent.ShouldBe("2 Jul 2026, 00:30 UTC+2");
    }

    [Fact]
    public void LocalTime_UnspecifiedKind_IsTreatedAsUtc()
    {
        // EF Core reads SQLite times back with Kind=Unspecified; they are UTC all the same.
        RenderFor("Europe/Berlin", new DateTime(2026, 11, 27, 9, 15, 0, DateTimeKind.Unspecified))
            .Find("time").TextContent.ShouldBe("27 Nov 2026, 10:15 UTC+1");
    }

    [Fact]
    public void LocalTime_NoTime_ShowsADash()
    {
        RenderFor("Europe/Berlin", null).Markup.ShouldContain("—");
    }

    [Fact]
    public void LocalTime_WithoutSession_ShowsUtc()
    {
        Render<LocalTime>(p => p.Add(t => t.Value, new DateTime(2026, 11, 27, 9, 15, 0, DateTimeKind.Utc)))
            .Find("time").TextContent.ShouldBe("27 Nov 2026, 09:15 UTC");
    }

    [Fact]
    public void LocalTime_HalfHourZone_ShowsMinutesOfTheOffset()
    {
        RenderFor("Asia/Kolkata", new DateTime(2026, 11, 27, 9, 15, 0, DateTimeKind.Utc))
            .Find("time").TextContent.ShouldBe("27 Nov 2026, 14:45 UTC+5:30");
    }

    [Fact]
    public void TimeInput_BerlinUserInSummer_EntersAndShowsTheirWallClock()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        TimeFormat.FromInput("2026-07-01T22:30", berlin).ShouldBe(new DateTime(2026, 7, 1, 20, 30, 0, DateTimeKind.Utc));
        TimeFormat.ToInput(new DateTime(2026, 7, 1, 20, 30, 0, DateTimeKind.Utc), berlin).ShouldBe("2026-07-01T22:30");
        TimeFormat.FromInput("next tuesday", berlin).ShouldBeNull();
    }
}
