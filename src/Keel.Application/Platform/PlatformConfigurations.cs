using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Platform;

internal sealed class KeelUserConfiguration : IEntityTypeConfiguration<KeelUser>
{
    public void Configure(EntityTypeBuilder<KeelUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.Property(u => u.JobTitle).HasMaxLength(200);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.BusinessUnitId);
        b.HasIndex(u => u.ManagerId);
        b.HasIndex(u => u.DisplayName);
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(u => u.BusinessUnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> b)
    {
        b.ToTable("BusinessUnits");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("TeamMembers");
        b.HasKey(x => new { x.TeamId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.EntityType, x.EntityId, x.Id });
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(128);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Scopes);
    }
}
