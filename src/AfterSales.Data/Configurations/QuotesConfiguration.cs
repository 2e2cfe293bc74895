using AfterSales.Domain.Catalogue;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// Quotes and agreements (issue 4, R-QUO-1..3, R-SEC-1): the price band, cost and retirement of price-list items, the
// agreements on a request, and the confidentiality agreement kept once per customer–supplier pair.

internal sealed class PriceListBandConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.ComplexProperty(p => p.MinPrice, money => money.ConfigureMoney("MinPrice"));
        builder.ComplexProperty(p => p.MaxPrice, money => money.ConfigureMoney("MaxPrice"));
        builder.Ignore(p => p.Cost);
        builder.Property(p => p.RetiredBy).HasMaxLength(100);
    }
}

internal sealed class ServiceRequestAgreementsConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.ServiceAgreement).HasJsonConversion();
        builder.Property(r => r.RemoteAuthorization).HasJsonConversion();
    }
}

internal sealed class ConfidentialityAgreementConfiguration : IEntityTypeConfiguration<ConfidentialityAgreement>
{
    public void Configure(EntityTypeBuilder<ConfidentialityAgreement> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(100);
        builder.Property(a => a.AttachmentName).HasMaxLength(260);
        builder.Property(a => a.RecordedBy).HasMaxLength(100);

        // R-SEC-1: one agreement per customer–supplier pair, reused by all their requests.
        builder.HasIndex(a => new { a.CustomerId, a.SupplierId }).IsUnique();
        builder.HasIndex(a => a.SupplierId);
    }
}
