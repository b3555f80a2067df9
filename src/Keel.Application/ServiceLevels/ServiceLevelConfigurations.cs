using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.ServiceLevels;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> b)
    {
        b.ToTable("BusinessCalendars");
        b.Property(x => x.Name).HasMaxLength(BusinessCalendar.NameMaxLength);
        b.Property(x => x.Hours).HasJsonConversion().HasColumnName("HoursJson");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class CalendarRevisionConfiguration : IEntityTypeConfiguration<CalendarRevision>
{
    public void Configure(EntityTypeBuilder<CalendarRevision> b)
    {
        b.ToTable("CalendarRevisions");
        b.HasKey(x => new { x.CalendarId, x.Revision });
        b.Property(x => x.Hours).HasJsonConversion().HasColumnName("HoursJson");
        b.HasOne<BusinessCalendar>().WithMany().HasForeignKey(x => x.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceLevelPolicyConfiguration : IEntityTypeConfiguration<ServiceLevelPolicy>
{
    public void Configure(EntityTypeBuilder<ServiceLevelPolicy> b)
    {
        b.ToTable("ServiceLevelPolicies");
        b.Property(x => x.Name).HasMaxLength(ServiceLevelPolicy.NameMaxLength);
        b.Property(x => x.Agreement).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Escalation).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Kinds).HasJsonConversion().HasColumnName("KindsJson");
        b.Property(x => x.Priorities).HasJsonConversion().HasColumnName("PrioritiesJson");
        b.Property(x => x.Response).HasJsonConversion().HasColumnName("ResponseJson");
        b.Property(x => x.Resolution).HasJsonConversion().HasColumnName("ResolutionJson");
        b.Property(x => x.WarningPercents).HasJsonConversion().HasColumnName("WarningPercentsJson");
        b.Property(x => x.PauseReasons).HasJsonConversion().HasColumnName("PauseReasonsJson");
        b.Property(x => x.PauseStates).HasJsonConversion().HasColumnName("PauseStatesJson");
        b.Property(x => x.StopStates).HasJsonConversion().HasColumnName("StopStatesJson");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => new { x.Agreement, x.Order });
        b.HasOne<BusinessCalendar>().WithMany().HasForeignKey(x => x.CalendarId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(x => x.BusinessUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.EscalationTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ServiceLevelClockConfiguration : IEntityTypeConfiguration<ServiceLevelClock>
{
    public void Configure(EntityTypeBuilder<ServiceLevelClock> b)
    {
        b.ToTable("ServiceLevelClocks");
        b.Ignore(x => x.IsBreachingSoon);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Agreement).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.PolicyName).HasMaxLength(ServiceLevelPolicy.NameMaxLength);
        b.Property(x => x.Terms).HasJsonConversion().HasColumnName("TermsJson");
        b.Property(x => x.Pauses).HasJsonConversion().HasColumnName("PausesJson");
        b.HasIndex(x => new { x.WorkItemId, x.Kind, x.Agreement }).IsUnique();
        b.HasIndex(x => x.NextCheckAt);
        // The value rollup's catch-up: clocks decided or recomputed since its mark (the tick job decides breaches without touching the item).
        b.HasIndex(x => x.ComputedAt);
        b.HasIndex(x => new { x.PolicyId, x.State });
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceLevelPolicy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlaAttainmentConfiguration : IEntityTypeConfiguration<SlaAttainment>
{
    public void Configure(EntityTypeBuilder<SlaAttainment> b)
    {
        b.ToTable("SlaAttainment");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Agreement).HasConversion<string>().HasMaxLength(8);
        // Months are deleted and read whole; a service's page reads its own months.
        b.HasIndex(x => new { x.Month, x.ServiceId });
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
