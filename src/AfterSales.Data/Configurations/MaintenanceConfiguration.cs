using AfterSales.Domain.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// 维保合同 (R-MNT-1): covered assets kept whole as a JSON list, like an invoice's lines.
internal sealed class MaintenanceContractConfiguration : IEntityTypeConfiguration<MaintenanceContract>
{
    public void Configure(EntityTypeBuilder<MaintenanceContract> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.ServiceContent).HasMaxLength(2000);
        builder.Property(c => c.FeeCny).HasPrecision(18, 2);
        builder.Property(c => c.TerminationReason).HasMaxLength(500);
        builder.Property(c => c.CreatedBy).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.CoveredAssetIds).HasField("_coveredAssetIds").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.HasIndex(c => new { c.SupplierId, c.CreatedAt });
        builder.HasIndex(c => new { c.CustomerId, c.CreatedAt });
    }
}

// 维保计划 (R-MNT-1, R-RV-2).
internal sealed class MaintenancePlanConfiguration : IEntityTypeConfiguration<MaintenancePlan>
{
    public void Configure(EntityTypeBuilder<MaintenancePlan> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.AssetSerial).HasMaxLength(64);
        builder.Property(p => p.EndReason).HasMaxLength(500);
        builder.Property(p => p.CreatedBy).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.HasIndex(p => new { p.Status, p.FirstDueOn });
        builder.HasIndex(p => new { p.SupplierId, p.CreatedAt });
        builder.HasIndex(p => new { p.CustomerId, p.CreatedAt });
        builder.HasIndex(p => p.ContractId);
    }
}

// 维保（巡检）记录: one row per plan and due date — the unique index is what makes generation exactly-once across
// restarts and instances (docs/adr/0008-maintenance-visits-file-their-own-request.md).
internal sealed class MaintenanceVisitConfiguration : IEntityTypeConfiguration<MaintenanceVisit>
{
    public void Configure(EntityTypeBuilder<MaintenanceVisit> builder)
    {
        builder.Property(v => v.PlanNumber).HasMaxLength(32);
        builder.Property(v => v.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(v => v.WorkOrderNumber).HasMaxLength(32);
        builder.Property(v => v.ReportFiledBy).HasMaxLength(100);
        builder.Property(v => v.Findings).HasMaxLength(2000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Property(v => v.ReportItems).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.HasIndex(v => new { v.PlanId, v.DueOn }).IsUnique();
        builder.HasIndex(v => new { v.RemindedAt, v.DueOn });
        builder.HasIndex(v => v.WorkOrderId);
        builder.HasIndex(v => new { v.CustomerId, v.DueOn });
        builder.HasIndex(v => new { v.SupplierId, v.DueOn });
    }
}
