using AfterSales.Domain.Assets;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(40);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.ContactPhone).HasMaxLength(40);
        builder.HasIndex(o => o.ParentSupplierId);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Model).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Category).HasMaxLength(40);
        builder.Property(p => p.Specification).HasMaxLength(1000);
        builder.HasIndex(p => new { p.SupplierId, p.Model }).IsUnique();
    }
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Unit).HasMaxLength(20);
        builder.HasIndex(p => new { p.SupplierId, p.Code, p.ValidFrom }).IsUnique();
        builder.ComplexProperty(p => p.UnitPrice, money => money.ConfigureMoney("UnitPrice"));
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(40);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.CustomerId);
        builder.HasIndex(o => o.SupplierId);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Ignore(o => o.Amount);
    }
}

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.Serial).HasMaxLength(80);
        builder.HasIndex(a => a.Serial).IsUnique();
        builder.HasIndex(a => a.CustomerId);
        builder.HasIndex(a => a.SupplierId);
        builder.HasIndex(a => a.OrderId);
        builder.Property(a => a.Batch).HasMaxLength(80);

        // assets: rows from before quantity lines were single serial-numbered units (R-AST-1); the domain never writes 0.
        builder.Property(a => a.Quantity).HasDefaultValue(1);
        builder.ComplexProperty(a => a.Site, site =>
        {
            site.Property(s => s.City).HasMaxLength(100);
            site.Property(s => s.Address).HasMaxLength(300);
        });
    }
}

internal sealed class ServicePolicyConfiguration : IEntityTypeConfiguration<ServicePolicy>
{
    public void Configure(EntityTypeBuilder<ServicePolicy> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(80);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PresetKey).HasMaxLength(80);
        builder.HasIndex(p => new { p.Key, p.Version }).IsUnique();
        builder.Property(p => p.Figures).HasJsonConversion();
    }
}
