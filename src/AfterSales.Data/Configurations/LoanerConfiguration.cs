using AfterSales.Domain.Loaners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Issue 6 loaners (R-EXE-7). The unit's Version is a concurrency token: of two issues of the same unit at once exactly
// one is saved; the movement sequence is unique per unit as a second guard.
internal sealed class LoanerUnitConfiguration : IEntityTypeConfiguration<LoanerUnit>
{
    public void Configure(EntityTypeBuilder<LoanerUnit> builder)
    {
        builder.Property(u => u.AssetTag).HasMaxLength(40);
        builder.Property(u => u.Serial).HasMaxLength(60);
        builder.Property(u => u.Model).HasMaxLength(60);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Grade).HasMaxLength(40);
        builder.Property(u => u.PoolLocation).HasMaxLength(100);
        builder.Property(u => u.Condition).HasConversion<string>().HasMaxLength(40);
        builder.Property(u => u.Location).HasConversion<string>().HasMaxLength(40);
        builder.Property(u => u.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(u => u.CustomerName).HasMaxLength(200);
        builder.Property(u => u.SiteAddress).HasMaxLength(500);
        builder.Property(u => u.ReceivedBy).HasMaxLength(50);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasMany(u => u.Movements).WithOne().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Movements).HasField("_movements").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(u => new { u.SupplierId, u.AssetTag }).IsUnique();
        builder.HasIndex(u => new { u.SupplierId, u.Location });
        builder.HasIndex(u => u.ServiceRequestId);
    }
}

internal sealed class LoanerMovementConfiguration : IEntityTypeConfiguration<LoanerMovement>
{
    public void Configure(EntityTypeBuilder<LoanerMovement> builder)
    {
        builder.Property(m => m.ActorName).HasMaxLength(100);
        builder.Property(m => m.Action).HasMaxLength(40);
        builder.Property(m => m.From).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.To).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.HasIndex(m => new { m.UnitId, m.Sequence }).IsUnique();
    }
}
