using AfterSales.Domain.Parts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Spare parts (issue 6, R-EXE-4, R-KPI-4, R-DLR-2, R-DLR-3). Every changing row carries a Version concurrency token:
// stock never goes negative or over-reserved because a stale write is refused and retried against fresh counts.
internal sealed class SparePartConfiguration : IEntityTypeConfiguration<SparePart>
{
    public void Configure(EntityTypeBuilder<SparePart> builder)
    {
        builder.Property(p => p.PartNumber).HasMaxLength(60);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Brand).HasMaxLength(100);
        builder.Property(p => p.Specification).HasMaxLength(1000);
        builder.Property(p => p.CompatibleModels).HasJsonConversion();
        builder.HasIndex(p => new { p.SupplierId, p.PartNumber }).IsUnique();
    }
}

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(40);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.OwnerName).HasMaxLength(100);
        builder.Property(w => w.City).HasMaxLength(50);
        builder.HasIndex(w => new { w.SupplierId, w.Code }).IsUnique();
    }
}

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.Property(s => s.PartNumber).HasMaxLength(60);
        builder.Property(s => s.BatchNumber).HasMaxLength(60);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.WarehouseId, s.PartId, s.BatchNumber }).IsUnique();
        builder.HasIndex(s => new { s.PartId, s.BatchNumber });
        builder.HasIndex(s => new { s.SupplierId, s.PartNumber });
    }
}

internal sealed class PartBatchConfiguration : IEntityTypeConfiguration<PartBatch>
{
    public void Configure(EntityTypeBuilder<PartBatch> builder)
    {
        builder.Property(b => b.PartNumber).HasMaxLength(60);
        builder.Property(b => b.BatchNumber).HasMaxLength(60);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(b => b.RecallReason).HasMaxLength(500);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.PartId, b.BatchNumber }).IsUnique();
        builder.HasIndex(b => new { b.SupplierId, b.ReceivedAt });
    }
}

internal sealed class PartReservationConfiguration : IEntityTypeConfiguration<PartReservation>
{
    public void Configure(EntityTypeBuilder<PartReservation> builder)
    {
        builder.Property(r => r.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(r => r.PartNumber).HasMaxLength(60);
        builder.Property(r => r.PartName).HasMaxLength(200);
        builder.Property(r => r.BatchNumber).HasMaxLength(60);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ReservedBy).HasMaxLength(100);
        builder.Property(r => r.CancelReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ServiceRequestId);
        builder.HasIndex(r => r.WorkOrderId);
        builder.HasIndex(r => r.StockLevelId);
    }
}

internal sealed class ReplenishmentOrderConfiguration : IEntityTypeConfiguration<ReplenishmentOrder>
{
    public void Configure(EntityTypeBuilder<ReplenishmentOrder> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(32);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.PartNumber).HasMaxLength(60);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.OrderedBy).HasMaxLength(100);
        builder.Property(r => r.BatchNumber).HasMaxLength(60);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.SupplierId, r.Status });
    }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> builder)
    {
        builder.Property(t => t.PartNumber).HasMaxLength(60);
        builder.Property(t => t.BatchNumber).HasMaxLength(60);
        builder.Property(t => t.By).HasMaxLength(100);
        builder.HasIndex(t => new { t.SupplierId, t.At });
    }
}

internal sealed class PartShipmentConfiguration : IEntityTypeConfiguration<PartShipment>
{
    public void Configure(EntityTypeBuilder<PartShipment> builder)
    {
        builder.Property(s => s.Number).HasMaxLength(32);
        builder.HasIndex(s => s.Number).IsUnique();
        builder.Property(s => s.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(s => s.Carrier).HasMaxLength(100);
        builder.Property(s => s.TrackingNumber).HasMaxLength(60);
        builder.Property(s => s.FreightPayer).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.FreightBasis).HasMaxLength(200);
        builder.Property(s => s.Lines).HasJsonConversion();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ShippedBy).HasMaxLength(100);
        builder.Property(s => s.ReceivedBy).HasMaxLength(100);
        builder.Property(s => s.ReceiptNote).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.ServiceRequestId);
        builder.HasIndex(s => new { s.SupplierId, s.ShippedAt });
        builder.HasIndex(s => new { s.CustomerId, s.ShippedAt });
    }
}

internal sealed class DamageReportConfiguration : IEntityTypeConfiguration<DamageReport>
{
    public void Configure(EntityTypeBuilder<DamageReport> builder)
    {
        builder.Property(d => d.ShipmentNumber).HasMaxLength(32);
        builder.Property(d => d.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.Property(d => d.PhotoAttachmentIds).HasJsonConversion();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.ReportedBy).HasMaxLength(100);
        builder.Property(d => d.Resolution).HasMaxLength(1000);
        builder.Property(d => d.ResolvedBy).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.ShipmentId).IsUnique();
        builder.HasIndex(d => new { d.SupplierId, d.Status });
    }
}

internal sealed class SamplingPlanConfiguration : IEntityTypeConfiguration<SamplingPlan>
{
    public void Configure(EntityTypeBuilder<SamplingPlan> builder)
    {
        builder.Ignore(p => p.Label);
        builder.Ignore(p => p.Completed);
        builder.Property(p => p.CreatedBy).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.SupplierId, p.Year, p.Quarter }).IsUnique();
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SamplingItemConfiguration : IEntityTypeConfiguration<SamplingItem>
{
    public void Configure(EntityTypeBuilder<SamplingItem> builder)
    {
        builder.Property(i => i.PartNumber).HasMaxLength(60);
        builder.Property(i => i.BatchNumber).HasMaxLength(60);
        builder.Property(i => i.Result).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.Property(i => i.RecordedBy).HasMaxLength(100);
        builder.HasIndex(i => new { i.PlanId, i.Sequence }).IsUnique();
        builder.HasIndex(i => i.BatchId);
    }
}

internal sealed class OldPartReturnConfiguration : IEntityTypeConfiguration<OldPartReturn>
{
    public void Configure(EntityTypeBuilder<OldPartReturn> builder)
    {
        builder.Property(r => r.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(r => r.PartNumber).HasMaxLength(60);
        builder.Property(r => r.PartName).HasMaxLength(200);
        builder.Property(r => r.HolderName).HasMaxLength(100);
        builder.Property(r => r.ReturnBatch).HasMaxLength(100);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ReceivedBy).HasMaxLength(100);
        builder.Property(r => r.AppraisedBy).HasMaxLength(100);
        builder.Property(r => r.AppraisalNote).HasMaxLength(1000);
        builder.Ignore(r => r.StoreroomBatch);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ReservationId).IsUnique();
        builder.HasIndex(r => new { r.SupplierId, r.Status });
    }
}
