using AfterSales.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Issue 6 work orders (工单) and engineers (R-EXE-1, R-EXE-2). Enums are stored by name like the rest of the model.
internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(w => w.Number).HasMaxLength(32);
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Property(w => w.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.RequiredCertificate).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Summary).HasMaxLength(2000);
        builder.Property(w => w.RequiredSkill).HasMaxLength(50);
        builder.Property(w => w.SiteCity).HasMaxLength(100);
        builder.Property(w => w.SiteAddress).HasMaxLength(300);
        builder.Property(w => w.SiteAccess).HasMaxLength(1000);
        builder.Property(w => w.AssigneeName).HasMaxLength(100);
        builder.Property(w => w.AssigneeBaseCity).HasMaxLength(50);
        builder.Property(w => w.RemoteToolLink).HasMaxLength(500);
        builder.Property(w => w.AuthorizedBy).HasMaxLength(100);
        builder.Property(w => w.TestRunHours).HasPrecision(6, 2);
        builder.Property(w => w.TestRunResult).HasMaxLength(500);
        builder.Property(w => w.Cause).HasMaxLength(2000);
        builder.Property(w => w.Prevention).HasMaxLength(2000);
        builder.Property(w => w.SignedBy).HasMaxLength(50);
        builder.Property(w => w.ConfirmationNote).HasMaxLength(1000);
        builder.Property(w => w.CreatedBy).HasMaxLength(100);
        builder.HasMany(w => w.Entries).WithOne().HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(w => w.ServiceRequestId);
        builder.HasIndex(w => new { w.SupplierId, w.Status });
        builder.HasIndex(w => new { w.AssigneeUserId, w.Status });
    }
}

internal sealed class WorkOrderEntryConfiguration : IEntityTypeConfiguration<WorkOrderEntry>
{
    public void Configure(EntityTypeBuilder<WorkOrderEntry> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.WorkOrderId, e.Sequence }).IsUnique();
    }
}

internal sealed class EngineerProfileConfiguration : IEntityTypeConfiguration<EngineerProfile>
{
    public void Configure(EntityTypeBuilder<EngineerProfile> builder)
    {
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.BaseCity).HasMaxLength(50);
        builder.Property(e => e.CalendarId).HasMaxLength(50);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.Skills).HasJsonConversion().HasMaxLength(2000);
        builder.Property(e => e.Certificates).HasJsonConversion().HasMaxLength(4000);
        builder.HasIndex(e => e.OrganizationId);
    }
}
