using System.Globalization;

namespace AfterSales.Domain.Money;

/// <summary>
/// An amount in one currency. Decimal, never floating point; stored as integer minor units (fen).
/// Rounding is 四舍五入 (away from zero) to the fen wherever a computation produces more digits.
/// </summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public const string Cny = "CNY";

    public static Money Zero(string currency = Cny) => new(0m, currency);

    public static Money Yuan(decimal amount) => new(amount, Cny);

    public static Money FromMinorUnits(long minor, string currency) => new(minor / 100m, currency);

    public long MinorUnits => (long)(Round(Amount) * 100m);

    public Money Rounded() => this with { Amount = Round(Amount) };

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b)
    {
        EnsureSameCurrency(a, b);
        return new Money(a.Amount + b.Amount, a.Currency);
    }

    public static Money operator -(Money a, Money b)
    {
        EnsureSameCurrency(a, b);
        return new Money(a.Amount - b.Amount, a.Currency);
    }

    /// <summary>Multiplies and rounds to the fen (四舍五入).</summary>
    public Money Times(decimal factor) => new(Round(Amount * factor), Currency);

    public static Money Sum(IEnumerable<Money> items, string currency = Cny) =>
        items.Aggregate(Zero(currency), (total, item) => total + item);

    public string AmountText => Round(Amount).ToString("0.00", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Currency} {AmountText}";

    private static void EnsureSameCurrency(Money a, Money b)
    {
        if (!string.Equals(a.Currency, b.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
        }
    }
}
