using Keel.Domain.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Platform.Accounts;

internal sealed class AccountLinkConfiguration : IEntityTypeConfiguration<AccountLink>
{
    public void Configure(EntityTypeBuilder<AccountLink> b)
    {
        b.ToTable("AccountLinks");
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(AccountLink.HashLength);
        b.HasIndex(x => x.Hash).IsUnique();
        // The reset limit counts an account's recent links of one purpose.
        b.HasIndex(x => new { x.UserId, x.Purpose, x.CreatedAt });
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
