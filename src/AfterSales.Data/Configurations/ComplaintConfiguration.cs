using AfterSales.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Complaint ledger (投诉台账, R-CMP-1). Enums are stored by name like the rest of the model.
internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.ComplainantParty).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Responsibility).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Compensation).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.CompensationAmount).HasPrecision(18, 2);
        builder.Property(c => c.FiledByName).HasMaxLength(100);
        builder.Property(c => c.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(c => c.PersonName).HasMaxLength(100);
        builder.Property(c => c.Content).HasMaxLength(2000);
        builder.Property(c => c.DesiredOutcome).HasMaxLength(500);
        builder.Property(c => c.VerifiedBy).HasMaxLength(100);
        builder.Property(c => c.VerificationNote).HasMaxLength(1000);
        builder.Property(c => c.StaffAtFaultName).HasMaxLength(100);
        builder.Property(c => c.RejectionReason).HasMaxLength(1000);
        builder.Property(c => c.HandledBy).HasMaxLength(100);
        builder.Property(c => c.HandlingNotes).HasMaxLength(2000);
        builder.Property(c => c.FeedbackComment).HasMaxLength(1000);
        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.Status, c.FiledAt });
        builder.HasIndex(c => c.ServiceRequestId);
    }
}

internal sealed class ComplaintStepConfiguration : IEntityTypeConfiguration<ComplaintStep>
{
    public void Configure(EntityTypeBuilder<ComplaintStep> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ActorName).HasMaxLength(100);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.ComplaintId, s.Sequence }).IsUnique();
    }
}

// 停岗待培训 (R-CMP-1, seed 001).
internal sealed class StaffSuspensionConfiguration : IEntityTypeConfiguration<StaffSuspension>
{
    public void Configure(EntityTypeBuilder<StaffSuspension> builder)
    {
        builder.Property(s => s.UserName).HasMaxLength(100);
        builder.Property(s => s.ComplaintNumber).HasMaxLength(32);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.SuspendedBy).HasMaxLength(100);
        builder.Property(s => s.Course).HasMaxLength(200);
        builder.Property(s => s.Trainer).HasMaxLength(100);
        builder.Property(s => s.LiftedBy).HasMaxLength(100);
        builder.HasIndex(s => new { s.UserId, s.LiftedAt });
    }
}
