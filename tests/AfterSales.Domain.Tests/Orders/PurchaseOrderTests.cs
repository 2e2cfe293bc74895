using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using Xunit;

namespace AfterSales.Domain.Tests.Orders;

/// <summary>下单、到货、验收 and the assets of an order (R-ORD-1, R-ORD-2, R-AST-1, R-WTY-1).</summary>
public sealed class PurchaseOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Customer = Guid.CreateVersion7();
    private static readonly Guid Supplier = Guid.CreateVersion7();
    private static readonly Guid Product = Guid.CreateVersion7();

    private static NewOrderLine Line(int? quantity = 1, decimal amount = 100m, string currency = "CNY", string? batch = "B1") =>
        new(Product, "PLC-200", quantity, new Money.Money(amount, currency), batch);

    private static PurchaseOrder Place(Guid? dealer = null, int? contractMonths = null, DateTimeOffset? placedAt = null, params NewOrderLine[] lines) =>
        PurchaseOrder.Place(Guid.CreateVersion7(), "PO-1", Customer, Supplier, dealer, null, contractMonths, lines.Length == 0 ? [Line(2)] : lines, placedAt ?? Now.AddDays(-3), Now);

    [Fact]
    public void A_placed_order_totals_its_lines_in_CNY_by_default()
    {
        var order = Place(lines: [Line(2, 12500m), Line(3, 180.5m, batch: null)]);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal("CNY", order.Currency);
        Assert.Equal(25541.5m, order.Amount.Amount);
        Assert.Equal([1, 2], order.Lines.Select(l => l.LineNo));
        Assert.Null(order.Lines[1].Batch);
    }

    public static TheoryData<NewOrderLine, string> BadLines => new()
    {
        { Line(quantity: 0), "lines[1].quantity" },
        { Line(quantity: null), "lines[1].quantity" },
        { Line(quantity: PurchaseOrder.MaxQuantity + 1), "lines[1].quantity" },
        { Line(amount: -0.01m), "lines[1].unitPrice" },
        { Line(amount: 1.005m), "lines[1].unitPrice" },
        { Line(currency: "USD"), "lines[1].unitPrice.currency" },
        { new NewOrderLine(Product, "PLC-200", 1, null, null), "lines[1].unitPrice" },
        { Line(batch: new string('B', 81)), "lines[1].batch" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_line_is_refused_naming_its_field(NewOrderLine bad, string field)
    {
        var refused = Assert.Throws<InvalidInput>(() => Place(lines: [Line(), bad]));

        Assert.Equal(field, refused.Field);
    }

    [Theory]
    [InlineData("", "number")]
    [InlineData("PO/1", "number")]
    [InlineData("-PO1", "number")]
    public void A_bad_number_is_refused(string number, string field)
    {
        var refused = Assert.Throws<InvalidInput>(() => PurchaseOrder.Place(Guid.CreateVersion7(), number, Customer, Supplier, null, null, null, [Line()], Now, Now));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Header_fields_are_checked()
    {
        Assert.Equal("currency", Assert.Throws<InvalidInput>(() => PurchaseOrder.Place(Guid.CreateVersion7(), "PO-1", Customer, Supplier, null, "RMB1", null, [Line()], Now, Now)).Field);
        Assert.Equal("contractWarrantyMonths", Assert.Throws<InvalidInput>(() => Place(contractMonths: 0)).Field);
        Assert.Equal("placedAt", Assert.Throws<InvalidInput>(() => Place(placedAt: Now.AddMinutes(1))).Field);
        Assert.Equal("lines", Assert.Throws<InvalidInput>(() => PurchaseOrder.Place(Guid.CreateVersion7(), "PO-1", Customer, Supplier, null, null, null, [], Now, Now)).Field);
    }

    [Fact]
    public void Acceptance_records_the_instant_and_its_Shanghai_date()
    {
        var order = Place();
        var signed = new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero);

        order.Accept(signed, Now);

        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Equal(signed, order.AcceptedAt);
        Assert.Equal(new DateOnly(2026, 11, 23), order.AcceptanceDate());
    }

    [Fact]
    public void Acceptance_in_the_future_or_before_the_order_is_refused_naming_acceptedAt()
    {
        var order = Place(placedAt: Now.AddDays(-1));

        Assert.Equal("acceptedAt", Assert.Throws<InvalidInput>(() => order.Accept(Now.AddSeconds(1), Now)).Field);
        Assert.Equal("acceptedAt", Assert.Throws<InvalidInput>(() => order.Accept(Now.AddDays(-2), Now)).Field);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Null(order.AcceptedAt);
    }

    [Fact]
    public void An_order_is_accepted_once_whether_delivered_or_not()
    {
        var delivered = Place();
        delivered.MarkDelivered();
        delivered.Accept(Now, Now);

        var refused = Assert.Throws<TransitionRefused>(() => delivered.Accept(Now, Now));
        Assert.Equal("Accepted", refused.CurrentStatus);
        Assert.Throws<TransitionRefused>(delivered.MarkDelivered);

        var placed = Place();
        placed.Accept(Now, Now);
        Assert.Equal(OrderStatus.Accepted, placed.Status);
    }

    [Fact]
    public void A_line_holds_no_more_assets_than_its_quantity()
    {
        var order = Place(lines: [Line(2)]);

        Assert.Equal(1, order.LineForNewAsset(1, 1).LineNo);
        var refused = Assert.Throws<WorkflowRuleViolation>(() => order.LineForNewAsset(1, 2));
        Assert.Equal("R-AST-1", refused.RuleId);
        Assert.Equal("lineNo", Assert.Throws<InvalidInput>(() => order.LineForNewAsset(2, 0)).Field);
        Assert.Equal("lineNo", Assert.Throws<InvalidInput>(() => order.LineForNewAsset(null, 0)).Field);
    }

    [Fact]
    public void An_asset_takes_the_line_batch_and_the_acceptance_date_of_an_accepted_order()
    {
        var order = Place(lines: [Line(2, batch: "B2026-11")]);
        var before = Asset.Register(Guid.CreateVersion7(), "EQ-1", order, 1, 0, "苏州", "园区", null, null, ServiceZone.DateOf(Now));
        Assert.Equal("B2026-11", before.Batch);
        Assert.Null(before.AcceptedOn);

        order.Accept(Now, Now);
        var after = Asset.Register(Guid.CreateVersion7(), "EQ-2", order, 1, 1, "苏州", "园区", "B-OWN", null, ServiceZone.DateOf(Now));

        Assert.Equal("B-OWN", after.Batch);
        Assert.Equal(new DateOnly(2026, 11, 23), after.AcceptedOn);
        Assert.Equal(Customer, after.CustomerId);
        Assert.Equal(Product, after.ProductId);
        Assert.Null(after.DealerId);
    }

    [Fact]
    public void A_dealer_sold_asset_records_the_dealer_and_the_sale_date()
    {
        var dealer = Guid.CreateVersion7();
        var order = Place(dealer, placedAt: new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        var today = ServiceZone.DateOf(Now);

        var byDefault = Asset.Register(Guid.CreateVersion7(), "MT-1", order, 1, 0, "杭州", "余杭区", null, null, today);
        var named = Asset.Register(Guid.CreateVersion7(), "MT-2", order, 1, 1, "杭州", "余杭区", null, new DateOnly(2026, 11, 15), today);

        Assert.Equal(dealer, byDefault.DealerId);
        Assert.Equal(new DateOnly(2026, 11, 10), byDefault.SoldOn);
        Assert.Equal(new DateOnly(2026, 11, 15), named.SoldOn);
        Assert.Equal("soldOn", Assert.Throws<InvalidInput>(() => Asset.Register(Guid.CreateVersion7(), "MT-3", order, 1, 0, "杭州", "余杭区", null, new DateOnly(2026, 11, 9), today)).Field);
        Assert.Equal("soldOn", Assert.Throws<InvalidInput>(() => Asset.Register(Guid.CreateVersion7(), "MT-3", Place(), 1, 0, "杭州", "余杭区", null, today, today)).Field);
    }

    [Theory]
    [InlineData(" ", "园区", "siteCity")]
    [InlineData("苏州", "", "siteAddress")]
    public void An_asset_needs_its_installation_site(string city, string address, string field)
    {
        var refused = Assert.Throws<InvalidInput>(() => Asset.Register(Guid.CreateVersion7(), "EQ-1", Place(), 1, 0, city, address, null, null, ServiceZone.DateOf(Now)));

        Assert.Equal(field, refused.Field);
    }
}
