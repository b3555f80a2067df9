using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Services;

internal static class MoneyColumns
{
    /// <summary>Money as two columns: <c>{name}Minor</c> (integer minor units) and <c>{name}Currency</c> (ISO 4217).</summary>
    public static void Map(ComplexPropertyBuilder<Money> money, string name)
    {
        money.Property(m => m.Minor).HasColumnName(name + "Minor");
        money.Property(m => m.Currency).HasColumnName(name + "Currency").HasMaxLength(3).IsRequired();
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("Services");
        b.Property(x => x.Name).HasMaxLength(Service.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(Service.DescriptionMaxLength);
        b.Property(x => x.Lifecycle).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SurveySampleRate).AsMillionths().HasColumnName("SurveySampleRateMillionths");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.DeliveringTeamId);
        b.HasIndex(x => new { x.Lifecycle, x.Name });
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.DeliveringTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceConsumerConfiguration : IEntityTypeConfiguration<ServiceConsumer>
{
    public void Configure(EntityTypeBuilder<ServiceConsumer> b)
    {
        b.ToTable("ServiceConsumers");
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Share).AsMillionths().HasColumnName("ShareMillionths");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ServiceId, x.BusinessUnitId }).IsUnique();
        b.HasIndex(x => x.BusinessUnitId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(x => x.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessOutcomeConfiguration : IEntityTypeConfiguration<BusinessOutcome>
{
    public void Configure(EntityTypeBuilder<BusinessOutcome> b)
    {
        b.ToTable("BusinessOutcomes");
        b.Property(x => x.Name).HasMaxLength(BusinessOutcome.NameMaxLength);
        b.ComplexProperty(x => x.YearlyValue, m => MoneyColumns.Map(m, "YearlyValue"));
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Contribution).AsMillionths().HasColumnName("ContributionMillionths");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.BusinessUnitId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(x => x.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CostItemConfiguration : IEntityTypeConfiguration<CostItem>
{
    public void Configure(EntityTypeBuilder<CostItem> b)
    {
        b.ToTable("CostItems");
        b.Property(x => x.Name).HasMaxLength(CostItem.NameMaxLength);
        b.ComplexProperty(x => x.Monthly, m => MoneyColumns.Map(m, "Monthly"));
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ServiceId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CostPoolConfiguration : IEntityTypeConfiguration<CostPool>
{
    public void Configure(EntityTypeBuilder<CostPool> b)
    {
        b.ToTable("CostPools");
        b.Property(x => x.Name).HasMaxLength(CostPool.NameMaxLength);
        b.ComplexProperty(x => x.Monthly, m => MoneyColumns.Map(m, "Monthly"));
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
        // Shares are read and written with their pool only; JSON keeps them in its row.
        b.Property(x => x.Shares).HasJsonConversion().HasColumnName("SharesJson");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> b)
    {
        b.ToTable("CatalogItems");
        b.Property(x => x.Name).HasMaxLength(CatalogItem.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(CatalogItem.DescriptionMaxLength);
        b.Property(x => x.Form).HasJsonConversion().HasColumnName("FormJson");
        b.Property(x => x.BusinessUnitIds).HasJsonConversion().HasColumnName("BusinessUnitIdsJson");
        b.Property(x => x.Tasks).HasJsonConversion().HasColumnName("TasksJson");
        b.Property(x => x.Approval).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ExpectedDelivery).HasConversion(v => (long)v.TotalMinutes, v => TimeSpan.FromMinutes(v))
            .HasColumnName("ExpectedDeliveryMinutes");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ServiceId, x.Name }).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConfigurationItemConfiguration : IEntityTypeConfiguration<ConfigurationItem>
{
    public void Configure(EntityTypeBuilder<ConfigurationItem> b)
    {
        b.ToTable("ConfigurationItems");
        b.Property(x => x.Name).HasMaxLength(ConfigurationItem.NameMaxLength);
        b.Property(x => x.Type).HasMaxLength(CiTypes.MaxLength);
        b.Property(x => x.Attributes).HasJsonConversion().HasColumnName("AttributesJson");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Links to services live in CiServiceLinks (one row per link), loaded and saved by the use case.
        b.Ignore(x => x.ServiceIds);
        b.HasIndex(x => x.Name);
        b.HasIndex(x => new { x.Type, x.Name });
        b.HasIndex(x => x.OwnerId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CiRelationshipConfiguration : IEntityTypeConfiguration<CiRelationship>
{
    public void Configure(EntityTypeBuilder<CiRelationship> b)
    {
        b.ToTable("CiRelationships");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.FromId, x.ToId, x.Type }).IsUnique();
        b.HasIndex(x => x.ToId);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CiServiceLinkConfiguration : IEntityTypeConfiguration<CiServiceLinkRow>
{
    public void Configure(EntityTypeBuilder<CiServiceLinkRow> b)
    {
        b.ToTable("CiServiceLinks");
        b.HasKey(x => new { x.CiId, x.ServiceId });
        b.HasIndex(x => x.ServiceId);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.CiId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
