using AfterSales.Domain.Invoices;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

/// <summary>Issue 4 invoices (R-FEE-1): invoices, their payments and the ledger columns of late-payment charges.</summary>
internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.HasIndex(i => i.Number).IsUnique();

        // One invoice per request: a retried or concurrent acceptance cannot issue a second one.
        builder.HasIndex(i => i.ServiceRequestId).IsUnique();
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(i => i.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.IssuedBy).HasMaxLength(100);
        builder.Property(i => i.VoidedBy).HasMaxLength(100);
        builder.Property(i => i.VoidReason).HasMaxLength(500);
        builder.Property(i => i.TaxRatePercent).HasPrecision(9, 4);
        builder.Property(i => i.LatePaymentPercentPerDay).HasPrecision(9, 4);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.ComplexProperty(i => i.NetAmount, money => money.ConfigureMoney("NetAmount"));
        builder.ComplexProperty(i => i.TaxAmount, money => money.ConfigureMoney("TaxAmount"));
        builder.ComplexProperty(i => i.Total, money => money.ConfigureMoney("Total"));
        builder.ComplexProperty(i => i.PaidAmount, money => money.ConfigureMoney("PaidAmount"));
        builder.Ignore(i => i.Outstanding);
        builder.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(i => i.Payments).HasField("_payments");

        // The lists: a party's invoices newest first; the late-charge worker's poll of open invoices by due date.
        builder.HasIndex(i => new { i.CustomerId, i.IssuedAt });
        builder.HasIndex(i => new { i.SupplierId, i.IssuedAt });
        builder.HasIndex(i => new { i.Status, i.DueDate });
    }
}

internal sealed class InvoicePaymentConfiguration : IEntityTypeConfiguration<InvoicePayment>
{
    public void Configure(EntityTypeBuilder<InvoicePayment> builder)
    {
        builder.ComplexProperty(p => p.Amount, money => money.ConfigureMoney("Amount"));
        builder.Property(p => p.Method).HasMaxLength(50);
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
        builder.HasIndex(p => p.InvoiceId);
    }
}

internal sealed class LedgerEntryInvoiceConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.HasOne<Invoice>().WithMany().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);

        // R-FEE-1 / R-PEN-3: an invoice is charged once per overdue day, however many workers run or retry.
        builder.HasIndex(l => new { l.InvoiceId, l.ChargeDate }).IsUnique()
            .HasFilter("\"Kind\" = 'LatePaymentCharge'").HasDatabaseName("IX_LedgerEntries_LatePaymentPerDay");

        // A charge is reversed at most once.
        builder.HasIndex(l => l.ReversesEntryId).IsUnique().HasFilter("\"ReversesEntryId\" IS NOT NULL");
    }
}
