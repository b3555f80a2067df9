using System.Text.Json;
using Keel.Domain.Balance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Balance;

internal sealed class ValueStreamConfiguration : IEntityTypeConfiguration<ValueStream>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ValueStream> b)
    {
        b.ToTable("ValueStreams");
        b.Property(x => x.Name).HasMaxLength(ValueStream.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(ValueStream.DescriptionMaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        // The steps are read and written whole with their stream (at most a dozen): one JSON column, no table of their own.
        b.Property(x => x.Steps)
            .HasConversion(
                steps => JsonSerializer.Serialize(steps, Json),
                text => JsonSerializer.Deserialize<List<ValueStreamStep>>(text, Json) ?? new List<ValueStreamStep>(),
                new ValueComparer<List<ValueStreamStep>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<ValueStreamStep>>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasMaxLength(8000);
        b.HasOne<Keel.Domain.Services.Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Keel.Domain.Services.Catalog.CatalogItem>().WithMany().HasForeignKey(x => x.CatalogItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
