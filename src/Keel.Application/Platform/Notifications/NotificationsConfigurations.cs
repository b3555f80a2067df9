using Keel.Domain.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Platform.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.Event).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Subject).HasMaxLength(Notification.SubjectMaxLength);
        b.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength);
        b.Property(x => x.Link).HasMaxLength(300);
        b.Property(x => x.Email).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        b.HasIndex(x => new { x.Email, x.CreatedAt });
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(x => new { x.UserId, x.Event });
        b.Property(x => x.Event).HasConversion<string>().HasMaxLength(32);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
