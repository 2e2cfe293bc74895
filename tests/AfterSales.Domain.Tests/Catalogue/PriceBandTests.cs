using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using Xunit;
using MoneyValue = AfterSales.Domain.Money.Money;

namespace AfterSales.Domain.Tests.Catalogue;

/// <summary>Price bands, retirement and quoting from the price list (R-QUO-1, R-QUO-2); the agreement threshold (R-QUO-3).</summary>
public sealed class PriceBandTests
{
    private static readonly Guid Supplier = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PriceListItem Labour() =>
        PriceListItem.Publish(Guid.CreateVersion7(), Supplier, "L-ENG", "工程师工时", QuoteLineKind.Labour, "小时", MoneyValue.Yuan(300m), Today.AddMonths(-1), null, null,
            MoneyValue.Yuan(250m), MoneyValue.Yuan(350m), MoneyValue.Yuan(180m));

    [Theory]
    [InlineData("250.00", true)]
    [InlineData("350.00", true)]
    [InlineData("249.99", false)]
    [InlineData("350.01", false)]
    public void A_price_is_quotable_only_inside_the_band_bounds_included(string amount, bool allowed)
    {
        var item = Labour();

        QuoteLine Quote() => item.ToQuoteLine(2, Supplier, 1m, MoneyValue.Yuan(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), null, Today);

        if (allowed)
        {
            Assert.Equal(amount, Quote().UnitPrice.AmountText);
        }
        else
        {
            var refused = Assert.Throws<InvalidInput>(Quote);
            Assert.Equal("quote.lines[2].unitPrice", refused.Field);
            Assert.Contains("第 3 行（L-ENG 工程师工时）", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_line_without_a_price_takes_the_list_price_and_the_items_kind_code_and_unit()
    {
        var line = Labour().ToQuoteLine(0, Supplier, 1.5m, null, null, Today);

        Assert.Equal(QuoteLineKind.Labour, line.Kind);
        Assert.Equal("工程师工时", line.Description);
        Assert.Equal(("L-ENG", "小时"), (line.Code, line.Unit));
        Assert.Equal("450.00", line.LineTotal.AmountText);
    }

    [Fact]
    public void A_retired_expired_or_foreign_item_is_refused_naming_the_line()
    {
        var retired = Labour();
        retired.Retire("赵丽", new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var expired = PriceListItem.Publish(Guid.CreateVersion7(), Supplier, "S-OLD", "旧服务", QuoteLineKind.Service, "次", MoneyValue.Yuan(100m), Today.AddYears(-1), Today.AddDays(-1), null);

        Assert.Equal("quote.lines[0].priceListItemId", Assert.Throws<InvalidInput>(() => retired.ToQuoteLine(0, Supplier, 1m, null, null, Today)).Field);
        Assert.Equal("quote.lines[1].priceListItemId", Assert.Throws<InvalidInput>(() => expired.ToQuoteLine(1, Supplier, 1m, null, null, Today)).Field);
        Assert.Equal("quote.lines[0].priceListItemId", Assert.Throws<InvalidInput>(() => Labour().ToQuoteLine(0, Guid.CreateVersion7(), 1m, null, null, Today)).Field);
        Assert.Throws<WorkflowRuleViolation>(() => retired.Revise("x", "小时", MoneyValue.Yuan(300m), null, null, null, null, null));
    }

    [Theory]
    [InlineData("299.00", "250.00", "350.00", null)]
    [InlineData("300.00", "300.01", "350.00", "minPrice")]
    [InlineData("300.00", "250.00", "299.99", "maxPrice")]
    [InlineData("300.00", "250.00", "350.00", "cost")]
    public void A_revision_keeps_the_list_price_inside_its_band(string price, string min, string max, string? refusedField)
    {
        var item = Labour();
        static MoneyValue Yuan(string s) => MoneyValue.Yuan(decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
        var cost = refusedField == "cost" ? MoneyValue.Yuan(-1m) : MoneyValue.Yuan(200m);

        void Revise() => item.Revise("工程师工时", "小时", Yuan(price), null, 2, Yuan(min), Yuan(max), cost);

        if (refusedField is null)
        {
            Revise();
            Assert.Equal(("299.00", "200.00"), (item.UnitPrice.AmountText, item.Cost!.Value.AmountText));
        }
        else
        {
            Assert.Equal(refusedField, Assert.Throws<InvalidInput>(Revise).Field);
            Assert.Equal("300.00", item.UnitPrice.AmountText);
        }
    }

    [Theory]
    [InlineData("50000.00", false)]
    [InlineData("50000.01", true)]
    [InlineData("49999.99", false)]
    [InlineData("120000.00", true)]
    public void A_service_agreement_is_needed_strictly_above_the_threshold(string total, bool required) =>
        Assert.Equal(required, AgreementThreshold.Requires(MoneyValue.Yuan(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)), 50_000m));

    [Fact]
    public void Without_a_threshold_in_the_policy_no_agreement_is_needed() =>
        Assert.False(AgreementThreshold.Requires(MoneyValue.Yuan(1_000_000m), null));
}
