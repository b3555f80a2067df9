using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Changes;

internal sealed class ChangeWindowConfiguration : IEntityTypeConfiguration<ChangeWindow>
{
    public void Configure(EntityTypeBuilder<ChangeWindow> b)
    {
        b.ToTable("ChangeWindows");
        b.Ignore(x => x.IsRecurring);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(ChangeWindow.NameMaxLength);
        b.Property(x => x.Reason).HasMaxLength(ChangeWindow.ReasonMaxLength);
        b.Property(x => x.Weekly).HasJsonConversion().HasColumnName("WeeklyJson");
        // Windows are few and read whole by the calendar; their targets are small id lists.
        b.Property(x => x.ServiceIds).HasJsonConversion().HasColumnName("ServiceIdsJson");
        b.Property(x => x.ConfigurationItemIds).HasJsonConversion().HasColumnName("ConfigurationItemIdsJson");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Kind, x.Name }).IsUnique();
        b.HasIndex(x => new { x.StartsAt, x.EndsAt });
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> b)
    {
        b.ToTable("CalendarFeedTokens");
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
