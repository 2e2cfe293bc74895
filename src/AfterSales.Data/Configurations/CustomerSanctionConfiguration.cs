using AfterSales.Domain.CustomerSanctions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// 客户处罚与黑名单 (R-FRD-1). Enums stored by name like the rest of the model; evidence ids as a JSON list.
internal sealed class CustomerSanctionConfiguration : IEntityTypeConfiguration<CustomerSanction>
{
    public void Configure(EntityTypeBuilder<CustomerSanction> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Basis).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.CustomerName).HasMaxLength(200);
        builder.Property(s => s.ServiceRequestNumber).HasMaxLength(32);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.RuledBy).HasMaxLength(100);
        builder.Property(s => s.RevokedBy).HasMaxLength(100);
        builder.Property(s => s.RevocationReason).HasMaxLength(500);
        builder.Property(s => s.EvidenceAttachmentIds).HasJsonConversion();

        // The create path asks "is this organisation sanctioned now?" by organisation and end.
        builder.HasIndex(s => new { s.CustomerOrganizationId, s.RevokedAt, s.EndsAt });
        builder.HasIndex(s => s.ServiceRequestId);
        builder.HasIndex(s => s.RuledAt);
    }
}
