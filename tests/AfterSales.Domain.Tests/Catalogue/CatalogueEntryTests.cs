using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Catalogue;

/// <summary>新增产品 and 发布价格: input checked field by field (R-WTY-1, R-QUO-2, R-QUO-4).</summary>
public sealed class CatalogueEntryTests
{
    private static readonly Guid Supplier = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("equipment", "equipment")]
    [InlineData(" Parts ", "parts")]
    [InlineData("lubricants", "lubricants")]
    [InlineData("spare-kits", "spare-kits")]
    public void A_category_is_a_standard_or_own_lower_case_code(string given, string stored)
    {
        var product = Product.Define(Guid.CreateVersion7(), Supplier, " VMC-850 ", "立式加工中心", given, null, null);

        Assert.Equal(stored, product.Category);
        Assert.Equal("VMC-850", product.Model);
    }

    [Theory]
    [InlineData(null, "名称", "equipment", null, "model")]
    [InlineData("M-1", " ", "equipment", null, "name")]
    [InlineData("M-1", "名称", null, null, "category")]
    [InlineData("M-1", "名称", "零件", null, "category")]
    [InlineData("M-1", "名称", "9parts", null, "category")]
    [InlineData("M-1", "名称", "parts", 0, "warrantyMonths")]
    [InlineData("M-1", "名称", "parts", -6, "warrantyMonths")]
    public void A_bad_product_is_refused_naming_its_field(string? model, string? name, string? category, int? months, string field)
    {
        var refused = Assert.Throws<InvalidInput>(() => Product.Define(Guid.CreateVersion7(), Supplier, model, name, category, months, null));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_price_is_published_with_its_validity_and_lead_time()
    {
        var item = PriceListItem.Publish(Guid.CreateVersion7(), Supplier, "P-SM15", "伺服电机", QuoteLineKind.Parts, "件", Money.Money.Yuan(2000m), Today, Today.AddMonths(12), 15);

        Assert.True(item.IsValidOn(Today));
        Assert.False(item.IsValidOn(Today.AddDays(-1)));
        Assert.Equal(15, item.LeadTimeDays);
    }

    [Fact]
    public void A_bad_price_is_refused_naming_its_field()
    {
        string FieldOf(Func<PriceListItem> publish) => Assert.Throws<InvalidInput>(() => publish()).Field;
        var id = Guid.CreateVersion7();

        Assert.Equal("unitPrice", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Labour, "小时", Money.Money.Yuan(-1m), Today, null, null)));
        Assert.Equal("unitPrice", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Labour, "小时", Money.Money.Yuan(0.001m), Today, null, null)));
        Assert.Equal("unitPrice", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Labour, "小时", null, Today, null, null)));
        Assert.Equal("kind", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", null, "小时", Money.Money.Yuan(1m), Today, null, null)));
        Assert.Equal("unit", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Labour, null, Money.Money.Yuan(1m), Today, null, null)));
        Assert.Equal("validTo", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Labour, "小时", Money.Money.Yuan(1m), Today, Today.AddDays(-1), null)));
        Assert.Equal("leadTimeDays", FieldOf(() => PriceListItem.Publish(id, Supplier, "C", "N", QuoteLineKind.Parts, "件", Money.Money.Yuan(1m), Today, null, -1)));
    }
}
