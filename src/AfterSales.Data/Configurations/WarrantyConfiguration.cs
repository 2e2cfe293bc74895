using AfterSales.Domain.Assets;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

/// <summary>Warranty (issue 4): parts with their own term (R-WTY-2).</summary>
internal sealed class AssetPartConfiguration : IEntityTypeConfiguration<AssetPart>
{
    public void Configure(EntityTypeBuilder<AssetPart> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PartNumber).HasMaxLength(100);
        builder.Property(p => p.RequestNumber).HasMaxLength(32);
        builder.HasIndex(p => p.AssetId);
        builder.HasIndex(p => p.ServiceRequestId);
        builder.HasOne<Asset>().WithMany().HasForeignKey(p => p.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Warranty (issue 4): the judgement's fault code, basis and the decision it was checked against (R-JDG-2, R-WTY-5).</summary>
internal sealed class ServiceRequestWarrantyConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.FaultCode).HasMaxLength(40);
        builder.HasIndex(r => new { r.AssetId, r.FaultCode });
        builder.Property(r => r.JudgementBasis).HasJsonConversion();
        builder.Ignore(r => r.FaultDate);
    }
}
