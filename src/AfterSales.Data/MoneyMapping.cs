using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data;

/// <summary>Money in a table: integer minor units (fen) plus the ISO currency (ARCHITECTURE §3 Money).</summary>
public static class MoneyMapping
{
    public static ComplexPropertyBuilder<Domain.Money.Money> ConfigureMoney(this ComplexPropertyBuilder<Domain.Money.Money> money, string columnPrefix)
    {
        money.Property(m => m.Amount)
            .HasConversion(amount => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero), minor => minor / 100m)
            .HasColumnName($"{columnPrefix}Minor");
        money.Property(m => m.Currency).HasMaxLength(3).HasColumnName($"{columnPrefix}Currency");
        return money;
    }
}
