using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Notifications;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(32);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.CustomerId, r.CreatedAt });
        builder.HasIndex(r => new { r.SupplierId, r.Status });
        builder.HasIndex(r => r.DealerId);
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.OrderNumber).HasMaxLength(40);
        builder.Property(r => r.AssetSerial).HasMaxLength(80);
        builder.Property(r => r.Symptom).HasMaxLength(2000);
        builder.Property(r => r.Impact).HasMaxLength(1000);
        builder.Property(r => r.SelfChecks).HasMaxLength(1000);
        builder.Property(r => r.IntakeAnswer).HasMaxLength(4000);
        builder.Property(r => r.ReceiptNote).HasMaxLength(2000);
        builder.Property(r => r.CancelReason).HasMaxLength(1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.ComplexProperty(r => r.Contact, c =>
        {
            c.Property(p => p.Name).HasMaxLength(50);
            c.Property(p => p.Phone).HasMaxLength(30);
        });

        builder.Property(r => r.Warranty).HasJsonConversion();
        builder.Property(r => r.Judgement).HasJsonConversion();
        builder.Property(r => r.QuoteDecision).HasJsonConversion();
        builder.Property(r => r.ServiceRecord).HasJsonConversion();
        builder.Property(r => r.Acceptance).HasJsonConversion();
        builder.Property(r => r.Revisit).HasJsonConversion();
        builder.Property(r => r.Dispute).HasJsonConversion(); // R-DSP-1..3: claim, answer, appraisal, ruling, objections
        builder.Property(r => r.MissingMaterials).HasField("_missingMaterials").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(r => r.Rejections).HasField("_rejections").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Ignore(r => r.ServiceMode);
        builder.HasIndex(r => new { r.SupplierId, r.NextDueAt });

        builder.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Deadlines).WithOne().HasForeignKey(d => d.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Breaches).WithOne().HasForeignKey(b => b.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.LedgerEntries).WithOne().HasForeignKey(l => l.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.LedgerEntries).HasField("_ledgerEntries");
        builder.Ignore(r => r.PendingAlerts);
        builder.ComplexProperty(r => r.OrderAmount, money => money.ConfigureMoney("OrderAmount"));
        builder.Navigation(r => r.Timeline).HasField("_timeline");
        builder.Navigation(r => r.Attachments).HasField("_attachments");
        builder.Navigation(r => r.Deadlines).HasField("_deadlines");
        builder.Navigation(r => r.Breaches).HasField("_breaches");
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.HasIndex(t => new { t.ServiceRequestId, t.Sequence }).IsUnique();
        builder.Property(t => t.Action).HasMaxLength(40);
        builder.Property(t => t.ActorName).HasMaxLength(100);
        builder.Property(t => t.ActorRole).HasMaxLength(40);
        builder.Property(t => t.Note).HasMaxLength(4000);
        builder.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasIndex(a => a.ServiceRequestId);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StoredName).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(100);
    }
}

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.ComplexProperty(d => d.Target);
        builder.Property(d => d.Pauses).HasField("_pauses").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();

        // The monitor's polls: running deadlines by due instant, warnings not yet sent, escalations due. Partial
        // indexes keep them cheap however many closed rows pile up (ARCHITECTURE §6).
        builder.HasIndex(d => d.DueAt).HasFilter("\"ClosedAt\" IS NULL AND \"BreachRecordedAt\" IS NULL AND \"PausedAt\" IS NULL").HasDatabaseName("IX_Deadlines_OpenDue");
        builder.HasIndex(d => d.WarningAt).HasFilter("\"ClosedAt\" IS NULL AND \"BreachRecordedAt\" IS NULL AND \"PausedAt\" IS NULL AND \"WarnedAt\" IS NULL").HasDatabaseName("IX_Deadlines_WarningDue");
        builder.HasIndex(d => d.NextEscalationAt).HasFilter("\"NextEscalationAt\" IS NOT NULL").HasDatabaseName("IX_Deadlines_EscalationDue");
        builder.HasIndex(d => d.ServiceRequestId);
        builder.HasIndex(d => new { d.State, d.DueAt });
    }
}

internal sealed class DeadlineBreachConfiguration : IEntityTypeConfiguration<DeadlineBreach>
{
    public void Configure(EntityTypeBuilder<DeadlineBreach> builder)
    {
        // R-SLA-4: a breach is recorded once, whatever the number of instances or restarts.
        builder.HasIndex(b => b.DeadlineId).IsUnique();
        builder.HasIndex(b => new { b.SupplierId, b.RecordedAt });
        builder.HasIndex(b => b.RecordedAt);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(40);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.Fingerprint).HasMaxLength(200);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(40);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorOrganizationId, a.At });
    }
}

internal sealed class CalendarDefinitionConfiguration : IEntityTypeConfiguration<CalendarDefinition>
{
    public void Configure(EntityTypeBuilder<CalendarDefinition> builder)
    {
        builder.ToTable("Calendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.TimeZoneId).HasMaxLength(60);
        builder.Property(c => c.UpdatedBy).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.WeeklyHours).HasJsonConversion();
        builder.Property(c => c.Holidays).HasJsonConversion();
        builder.Property(c => c.MakeUpWorkingDays).HasJsonConversion();
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ComplexProperty(l => l.Amount, money => money.ConfigureMoney("Amount"));
        builder.Property(l => l.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(l => l.RuleCode).HasMaxLength(60);
        builder.Property(l => l.RuleId).HasMaxLength(20);
        builder.Property(l => l.Explanation).HasMaxLength(500);
        builder.Property(l => l.CreatedBy).HasMaxLength(100);
        builder.Property(l => l.WaivedBy).HasMaxLength(100);
        builder.Property(l => l.WaiverReason).HasMaxLength(500);
        builder.Property(l => l.DeadlineKind).HasConversion<string>().HasMaxLength(40);

        // R-PEN-3: a breach is charged by each rule once, never twice.
        builder.HasIndex(l => new { l.BreachId, l.RuleCode }).IsUnique().HasFilter("\"BreachId\" IS NOT NULL");
        builder.HasIndex(l => new { l.OrganizationId, l.CreatedAt });
        builder.HasIndex(l => new { l.CounterpartyOrganizationId, l.CreatedAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.Property(n => n.DedupKey).HasMaxLength(120);

        // One message per recipient and event, whichever instance or retry writes it.
        builder.HasIndex(n => new { n.RecipientUserId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt, n.CreatedAt });
    }
}
