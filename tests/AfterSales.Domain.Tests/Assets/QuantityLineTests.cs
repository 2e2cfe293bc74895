using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using Xunit;

namespace AfterSales.Domain.Tests.Assets;

/// <summary>数量行 (R-AST-1): one record for serial-less units, counted as that many units of its order line.</summary>
public sealed class QuantityLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static PurchaseOrder Order(int quantity) =>
        PurchaseOrder.Place(Guid.CreateVersion7(), "PO-Q", Guid.CreateVersion7(), Guid.CreateVersion7(), null, null, null,
            [new NewOrderLine(Guid.CreateVersion7(), "TS-10", quantity, Money.Money.Yuan(180m), "T1")], Now.AddDays(-3), Now);

    private static Asset Register(PurchaseOrder order, string serial, int already, int? quantity) =>
        Asset.Register(Guid.CreateVersion7(), serial, order, 1, already, "宁波", "北仑区", null, null, ServiceZone.DateOf(Now), quantity);

    [Fact]
    public void A_quantity_line_fills_its_order_line_to_the_unit_and_not_beyond()
    {
        var order = Order(10);

        var six = Register(order, "TS-1", 0, 6);
        var four = Register(order, "TS-2", 6, 4);

        Assert.Equal((6, true), (six.Quantity, six.IsQuantityLine));
        Assert.Equal(4, four.Quantity);
        Assert.Equal("R-AST-1", Assert.Throws<WorkflowRuleViolation>(() => Register(order, "TS-3", 6, 5)).RuleId);
        Assert.Equal("R-AST-1", Assert.Throws<WorkflowRuleViolation>(() => Register(order, "TS-3", 10, null)).RuleId);
    }

    [Fact]
    public void Without_a_quantity_an_asset_is_one_serial_numbered_unit()
    {
        var one = Register(Order(2), "EQ-1", 1, null);

        Assert.Equal((1, false), (one.Quantity, one.IsQuantityLine));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PurchaseOrder.MaxQuantity + 1)]
    public void A_quantity_outside_1_to_the_order_maximum_names_the_field(int quantity)
    {
        Assert.Equal("quantity", Assert.Throws<InvalidInput>(() => Register(Order(10), "TS-1", 0, quantity)).Field);
    }
}
