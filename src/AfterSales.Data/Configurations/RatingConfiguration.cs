using AfterSales.Domain.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data.Configurations;

// 供应商月度评级 (R-RAT-1). One row per supplier and month: the unique index is what keeps the monthly job to one rating
// when it runs twice or on several instances at once.
internal sealed class SupplierRatingConfiguration : IEntityTypeConfiguration<SupplierRating>
{
    public void Configure(EntityTypeBuilder<SupplierRating> builder)
    {
        builder.Property(r => r.Month).HasMaxLength(7).IsFixedLength(false);
        builder.Property(r => r.SupplierName).HasMaxLength(200);
        builder.Property(r => r.ComputedBy).HasMaxLength(100);
        builder.Property(r => r.OverriddenBy).HasMaxLength(100);
        builder.Property(r => r.OverrideReason).HasMaxLength(500);
        builder.Property(r => r.Inputs).HasJsonConversion();
        builder.Property(r => r.TimelinessPercent).HasPrecision(5, 1);
        builder.Property(r => r.SatisfactionPercent).HasPrecision(5, 1);
        builder.Property(r => r.ResolutionPercent).HasPrecision(5, 1);
        builder.Property(r => r.Score).HasPrecision(5, 1);
        builder.Property(r => r.ComputedGrade).HasConversion<string>().HasMaxLength(1);
        builder.Property(r => r.Grade).HasConversion<string>().HasMaxLength(1);
        builder.Property(r => r.OverriddenFrom).HasConversion<string>().HasMaxLength(1);
        builder.Ignore(r => r.RatedMonth);
        builder.Ignore(r => r.HasData);
        builder.HasIndex(r => new { r.SupplierId, r.Month }).IsUnique();
        builder.HasIndex(r => r.Month);

        // The create path asks "is this supplier suspended now?" by supplier and end instant.
        builder.HasIndex(r => new { r.SupplierId, r.SuspendedUntil }).HasFilter("\"SuspendedUntil\" IS NOT NULL").HasDatabaseName("IX_SupplierRatings_Suspension");
    }
}
