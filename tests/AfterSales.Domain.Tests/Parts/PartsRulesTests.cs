using AfterSales.Domain.Common;
using AfterSales.Domain.Parts;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Tests.ServiceRequests;
using AfterSales.Domain.Warranty;
using Xunit;

namespace AfterSales.Domain.Tests.Parts;

/// <summary>Spare-parts rules (R-EXE-4, R-KPI-4, R-QUO-4, R-DLR-2/3): stock arithmetic, lead times, freight payer, 10 % sampling rounded up.</summary>
public sealed class PartsRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Supplier = Guid.CreateVersion7();

    private static SparePart Board(bool custom = false, int leadTime = 5) =>
        SparePart.Define(Guid.CreateVersion7(), Supplier, "MB-850", "主控板", "华东精密", ["VMC-850", " vmc-850 "], custom, leadTime, null, Now);

    private static StockLevel Stock(int onHand)
    {
        var stock = new StockLevel(Guid.CreateVersion7(), Supplier, Guid.CreateVersion7(), Guid.CreateVersion7(), "MB-850", "B1");
        stock.Receive(onHand);
        return stock;
    }

    [Fact]
    public void Reserving_issuing_and_releasing_keep_on_hand_reserved_and_available_in_step_and_never_over_reserve()
    {
        var stock = Stock(5);
        stock.Reserve(3);
        Assert.Equal((5, 3, 2), (stock.OnHand, stock.Reserved, stock.Available));

        var refusal = Assert.Throws<InsufficientStock>(() => stock.Reserve(3));
        Assert.Equal(("R-EXE-4", 3, 2), (refusal.RuleId, refusal.Requested, refusal.Available));
        Assert.Equal((5, 3, 2), (stock.OnHand, stock.Reserved, stock.Available));

        stock.IssueReserved(2);
        Assert.Equal((3, 1, 2), (stock.OnHand, stock.Reserved, stock.Available));
        stock.Release(1);
        Assert.Equal((3, 0, 3), (stock.OnHand, stock.Reserved, stock.Available));
        Assert.Throws<InsufficientStock>(() => stock.TakeOut(4));
        stock.TakeOut(3);
        Assert.Equal(0, stock.Available);
        Assert.Equal(5, stock.Version);
        Assert.Throws<InvalidInput>(() => stock.Reserve(0));
    }

    [Fact]
    public void A_blocked_batch_keeps_its_stock_on_hand_but_none_of_it_is_available()
    {
        var stock = Stock(4);
        stock.Block();
        Assert.Equal((4, 0), (stock.OnHand, stock.Available));
        Assert.Throws<InsufficientStock>(() => stock.Reserve(1));
    }

    [Fact]
    public void A_transfer_moves_only_available_stock_between_two_warehouses()
    {
        var from = Stock(3);
        from.Reserve(2);
        var to = new StockLevel(Guid.CreateVersion7(), Supplier, Guid.CreateVersion7(), from.PartId, "MB-850", "B1");
        Assert.Throws<InsufficientStock>(() => StockTransfer.Make(Guid.CreateVersion7(), from, to, 2, "赵丽", Now));
        var transfer = StockTransfer.Make(Guid.CreateVersion7(), from, to, 1, "赵丽", Now);
        Assert.Equal((2, 1, 1), (from.OnHand, to.OnHand, transfer.Quantity));
    }

    [Theory]
    [InlineData(false, 7, true)]
    [InlineData(false, 8, false)]
    [InlineData(false, 0, false)]
    [InlineData(true, 7, false)]
    [InlineData(true, 15, true)]
    public void A_standard_part_is_replenished_within_seven_days_and_a_custom_part_takes_longer(bool custom, int leadTime, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(leadTime, Board(custom, leadTime).LeadTimeDays);
        }
        else
        {
            Assert.Equal("leadTimeDays", Assert.Throws<InvalidInput>(() => Board(custom, leadTime)).Field);
        }
    }

    [Fact]
    public void The_lead_time_is_disclosed_and_compatible_models_are_matched_ignoring_case_and_duplicates()
    {
        Assert.Equal("定制配件需 15 日生产", Board(true, 15).LeadTimeDisclosure);
        Assert.Equal("缺货时 5 日内补货", Board().LeadTimeDisclosure);
        Assert.Equal(["VMC-850"], Board().CompatibleModels);
        Assert.True(Board().Fits("vmc-850"));
        Assert.False(Board().Fits("PLC-200"));
    }

    [Fact]
    public void A_replenishment_is_expected_after_the_parts_lead_time_and_is_late_the_day_after()
    {
        var warehouse = Warehouse.Define(Guid.CreateVersion7(), Supplier, "WH-SZ", "苏州中心仓", WarehouseKind.Central, null, null, Now);
        var order = ReplenishmentOrder.Place(Guid.CreateVersion7(), "BH-2026-000001", Board(), warehouse, 4, null, "赵丽", Now);
        Assert.Equal(new DateOnly(2026, 11, 28), order.ExpectedArrivalOn);
        Assert.False(order.IsLate(Now.AddDays(5)));
        Assert.True(order.IsLate(Now.AddDays(6)));
    }

    [Fact]
    public void A_van_belongs_to_an_engineer_and_only_a_van_does()
    {
        Assert.Equal("ownerUserId", Assert.Throws<InvalidInput>(() => Warehouse.Define(Guid.CreateVersion7(), Supplier, "VAN-1", "随车", WarehouseKind.Van, null, null, Now)).Field);
        Assert.Equal("ownerUserId", Assert.Throws<InvalidInput>(() =>
            Warehouse.Define(Guid.CreateVersion7(), Supplier, "WH-1", "中心仓", WarehouseKind.Central, (Guid.CreateVersion7(), "孙浩"), null, Now)).Field);
    }

    public static TheoryData<JudgementOutcome?, WarrantyStatus?, FreightPayer> FreightCases => new()
    {
        { JudgementOutcome.InWarranty, WarrantyStatus.Expired, FreightPayer.Supplier },
        { JudgementOutcome.Paid, WarrantyStatus.InWarranty, FreightPayer.Customer },
        { null, WarrantyStatus.InWarranty, FreightPayer.Supplier },
        { JudgementOutcome.NeedsVerification, WarrantyStatus.InWarranty, FreightPayer.Supplier },
        { null, WarrantyStatus.Expired, FreightPayer.Customer },
        { null, null, FreightPayer.Customer },
    };

    [Theory]
    [MemberData(nameof(FreightCases))]
    public void The_supplier_pays_freight_in_warranty_and_the_customer_otherwise(JudgementOutcome? outcome, WarrantyStatus? warranty, FreightPayer expected)
    {
        var judgement = outcome is { } o ? new Judgement(Responsibility.Quality, o, null, null, null, null, Now, "赵丽") : null;
        var decision = warranty is { } w ? new WarrantyDecision(w, null, null, null, [], string.Empty) : null;
        Assert.Equal(expected, FreightRules.PayerFor(judgement, decision).Payer);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(20, 2)]
    [InlineData(25, 3)]
    [InlineData(0, 0)]
    public void Sampling_takes_ten_percent_of_the_batches_rounded_up(int batches, int sampled) =>
        Assert.Equal(sampled, SamplingPlan.SampleSize(batches));

    [Fact]
    public void A_plan_draws_only_from_the_quarters_batches_and_a_failure_needs_a_note()
    {
        var (from, to) = SamplingPlan.QuarterSpan(2026, 4);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), from);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), to);
        var inQuarter = Enumerable.Range(1, 12).Select(i => new SampleCandidate(Guid.CreateVersion7(), Guid.CreateVersion7(), $"P-{i}", $"B-{i}", from.AddDays(i))).ToList();
        var before = new SampleCandidate(Guid.CreateVersion7(), Guid.CreateVersion7(), "P-OLD", "B-OLD", from.AddSeconds(-1));
        var plan = SamplingPlan.Draw(Guid.CreateVersion7(), Supplier, 2026, 4, [.. inQuarter, before], "王敏", Now);

        Assert.Equal((12, 2), (plan.BatchesInQuarter, plan.Items.Count));
        Assert.All(plan.Items, i => Assert.Contains(inQuarter, b => b.BatchId == i.BatchId));
        Assert.Equal(2, plan.Items.Select(i => i.BatchId).Distinct().Count());
        Assert.Equal("note", Assert.Throws<InvalidInput>(() => plan.Record(plan.Items[0].Id, false, null, "王敏", Now)).Field);
        Assert.Equal(SamplingResult.Failed, plan.Record(plan.Items[0].Id, false, "硬度不达标", "王敏", Now).Result);
        Assert.Throws<TransitionRefused>(() => plan.Record(plan.Items[0].Id, true, null, "王敏", Now));
        Assert.False(plan.Completed);

        Assert.Equal("R-KPI-4", Assert.Throws<WorkflowRuleViolation>(() => SamplingPlan.Draw(Guid.CreateVersion7(), Supplier, 2026, 4, [before], "王敏", Now)).RuleId);
        Assert.Equal("quarter", Assert.Throws<InvalidInput>(() => SamplingPlan.Draw(Guid.CreateVersion7(), Supplier, 2027, 1, inQuarter, "王敏", Now)).Field);
    }

    [Fact]
    public void Only_a_failed_batch_is_recalled()
    {
        var batch = new PartBatch(Guid.CreateVersion7(), Supplier, Guid.CreateVersion7(), "MB-850", "B1", Now);
        Assert.Throws<TransitionRefused>(() => batch.Recall("x", Now));
        batch.RecordSampling(passed: false);
        batch.Recall("抽检不合格", Now);
        Assert.Equal(BatchStatus.Recalled, batch.Status);
    }

    [Fact]
    public void A_receipt_with_damage_needs_photos_and_opens_a_damage_report_while_a_clean_one_does_not()
    {
        var (shipment, _) = Shipped();
        Assert.Equal("photoAttachmentIds", Assert.Throws<InvalidInput>(() => shipment.CheckReceipt(Guid.CreateVersion7(), true, 2, true, "破损", [], "张伟", Now)).Field);
        Assert.Equal("note", Assert.Throws<InvalidInput>(() => shipment.CheckReceipt(Guid.CreateVersion7(), true, 1, false, null, [], "张伟", Now)).Field);
        var photo = Guid.CreateVersion7();
        var report = shipment.CheckReceipt(Guid.CreateVersion7(), true, 2, true, "接口变形", [photo], "张伟", Now);
        Assert.Equal(ShipmentStatus.ReceivedWithIssues, shipment.Status);
        Assert.Equal([photo], report!.PhotoAttachmentIds);

        var (clean, _) = Shipped();
        Assert.Null(clean.CheckReceipt(Guid.CreateVersion7(), true, 2, false, null, [], "张伟", Now));
        Assert.Equal(ShipmentStatus.Received, clean.Status);
    }

    [Fact]
    public void A_consumed_part_is_owed_back_within_thirty_days_and_a_reusable_one_goes_to_a_storeroom()
    {
        var (_, reservation) = Shipped();
        reservation.Consume(Now);
        var owed = OldPartReturn.Owe(Guid.CreateVersion7(), reservation, "孙浩", Now);
        Assert.Equal(new DateOnly(2026, 12, 23), owed.DueOn);
        Assert.True(owed.IsOverdue(Now.AddDays(31)));
        Assert.Throws<TransitionRefused>(() => owed.Appraise(false, null, "报废", "周杰", Now));
        owed.Receive("2026 下半年", "周杰", Now);
        var central = Warehouse.Define(Guid.CreateVersion7(), Supplier, "WH-SZ", "中心仓", WarehouseKind.Central, null, null, Now);
        Assert.Equal("storeroomWarehouseId", Assert.Throws<InvalidInput>(() => owed.Appraise(true, central, "可用", "周杰", Now)).Field);
        owed.Appraise(false, null, "轴承剥落，报废", "周杰", Now);
        Assert.Equal(OldPartReturnStatus.Scrapped, owed.Status);
    }

    private static (PartShipment Shipment, PartReservation Reservation) Shipped()
    {
        var request = new RequestScenario().To(ServiceRequestStatus.Planned).Request;
        var part = Board();
        var stock = new StockLevel(Guid.CreateVersion7(), request.SupplierId, Guid.CreateVersion7(), part.Id, part.PartNumber, "B1");
        stock.Receive(5);
        var reservation = PartReservation.Place(Guid.CreateVersion7(), part, stock, request.SupplierId, request.CustomerId, request.Id, request.Number, null, 2, "赵丽", Now);
        var shipment = PartShipment.Ship(Guid.CreateVersion7(), "FH-2026-000001", request, [(reservation, stock)], "顺丰速运", "SF123", null, "赵丽", Now);
        Assert.Equal((3, 0), (stock.OnHand, stock.Reserved));
        Assert.Equal(FreightPayer.Supplier, shipment.FreightPayer);
        return (shipment, reservation);
    }
}
