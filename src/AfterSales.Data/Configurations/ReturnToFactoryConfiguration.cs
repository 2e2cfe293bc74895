using AfterSales.Domain.Assets;
using AfterSales.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Issue 6 §5 return to factory (R-EXE-5) and whole-unit replacement (R-EXE-6): one record per work order, keyed by it.
internal sealed class FactoryRepairRecordConfiguration : IEntityTypeConfiguration<FactoryRepairRecord>
{
    public void Configure(EntityTypeBuilder<FactoryRepairRecord> builder)
    {
        builder.HasKey(r => r.WorkOrderId);
        builder.HasOne<WorkOrder>().WithOne().HasForeignKey<FactoryRepairRecord>(r => r.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.PickupCarrier).HasMaxLength(50);
        builder.Property(r => r.PickupTracking).HasMaxLength(50);
        builder.Property(r => r.RepairWork).HasMaxLength(2000);
        builder.Property(r => r.TestResult).HasMaxLength(1000);
        builder.Property(r => r.ReturnCarrier).HasMaxLength(50);
        builder.Property(r => r.ReturnTracking).HasMaxLength(50);
        builder.Property(r => r.DeliveredNote).HasMaxLength(1000);
        builder.HasIndex(r => r.ServiceRequestId);
    }
}

internal sealed class UnitReplacementConfiguration : IEntityTypeConfiguration<UnitReplacement>
{
    public void Configure(EntityTypeBuilder<UnitReplacement> builder)
    {
        builder.HasKey(r => r.WorkOrderId);
        builder.HasOne<WorkOrder>().WithOne().HasForeignKey<UnitReplacement>(r => r.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.OldSerial).HasMaxLength(80);
        builder.Property(r => r.ApprovedBy).HasMaxLength(100);
        builder.Property(r => r.ApprovalNote).HasMaxLength(1000);
        builder.Property(r => r.RefusedBy).HasMaxLength(100);
        builder.Property(r => r.RefusalReason).HasMaxLength(1000);
        builder.Property(r => r.NewSerial).HasMaxLength(80);
        builder.Property(r => r.FaultyCarrier).HasMaxLength(50);
        builder.Property(r => r.FaultyTracking).HasMaxLength(50);
        builder.Property(r => r.InspectionResult).HasMaxLength(2000);
        builder.HasIndex(r => r.ServiceRequestId);
    }
}

// R-EXE-6: the asset record follows a replacement (the serials it was replaced by / replaces).
internal sealed class AssetReplacementConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.ReplacedBySerial).HasMaxLength(80);
        builder.Property(a => a.ReplacesSerial).HasMaxLength(80);
    }
}
