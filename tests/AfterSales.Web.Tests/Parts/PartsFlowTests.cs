using System.Net;
using System.Text.Json;
using AfterSales.Domain.Common;
using AfterSales.Domain.Parts;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Parts;

/// <summary>
/// Spare parts end to end over the API (issue 6 §4, R-EXE-4, R-KPI-4, R-DLR-2/3): catalogue with disclosed lead times,
/// replenishment and transfers, reservation → shipment with the freight payer by warranty → the customer's receipt check
/// with a damage report, quarterly sampling with recall, and the old part owed back after a warranty replacement.
/// </summary>
public sealed class PartsFlowTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_standard_part_is_replenished_within_seven_days_and_a_custom_part_discloses_its_longer_lead_time()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var tooSlow = new { partNumber = "LT-1", name = "导轨滑块", brand = "HIWIN", compatibleModels = new[] { "VMC-850" }, isCustom = false, leadTimeDays = 10 };
        await (await agent.PostJsonAsync("/api/v1/parts", tooSlow)).NamesFieldAsync("leadTimeDays");
        await (await agent.PostJsonAsync("/api/v1/parts", tooSlow with { compatibleModels = Array.Empty<string>() })).NamesFieldAsync("compatibleModels");

        var custom = await (await agent.PostJsonAsync("/api/v1/parts", tooSlow with { isCustom = true, leadTimeDays = 15 })).ReadAsync<SparePartView>(HttpStatusCode.Created);
        Assert.Equal("定制配件需 15 日生产", custom.LeadTimeDisclosure);
        await (await agent.PostJsonAsync("/api/v1/parts", tooSlow with { isCustom = true, leadTimeDays = 15 })).NamesFieldAsync("partNumber", HttpStatusCode.Conflict);

        // The customer sees its supplier's catalogue with the lead time; another supplier does not.
        var customerView = await (await App.ClientForAsync("customer")).PartAsync("LT-1");
        Assert.True(customerView.IsCustom);
        Assert.DoesNotContain(await (await App.ClientForAsync("supplier2.agent")).GetAsync<IReadOnlyList<SparePartView>>("/api/v1/parts"), p => p.PartNumber == "LT-1");
        await (await (await App.ClientForAsync("customer")).PostJsonAsync("/api/v1/parts", tooSlow with { partNumber = "LT-2" })).ProblemAsync(HttpStatusCode.Forbidden);

        // A standard part ordered today is expected within its lead time; receiving puts its batch into stock.
        var warehouse = await agent.WarehouseAsync("WH-SZ");
        var board = await agent.PartAsync("MB-850");
        var order = await (await agent.PostJsonAsync("/api/v1/replenishments", new { partId = board.Id, warehouseId = warehouse.Id, quantity = 4 })).ReadAsync<ReplenishmentView>(HttpStatusCode.Created);
        Assert.Equal(ServiceZone.DateOf(App.Clock.GetUtcNow()).AddDays(5), order.ExpectedArrivalOn);
        Assert.Matches("^BH-2026-\\d{6}$", order.Number);
        App.Clock.Advance(TimeSpan.FromDays(6));
        agent = await App.ClientForAsync("supplier.agent");
        Assert.True((await agent.GetAsync<IReadOnlyList<ReplenishmentView>>("/api/v1/replenishments?status=ordered")).Single(r => r.Id == order.Id).Late);
        var received = await (await agent.PostJsonAsync($"/api/v1/replenishments/{order.Id}/receive", new { batchNumber = "B2026-12" })).ReadAsync<ReplenishmentView>();
        Assert.Equal(ReplenishmentStatus.Received, received.Status);
        await (await agent.PostJsonAsync($"/api/v1/replenishments/{order.Id}/receive", new { batchNumber = "B2026-12" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(board.OnHand + 4, (await agent.PartAsync("MB-850")).OnHand);

        // Transfer to the engineer's van; more than available is refused and nothing moves.
        var van = await agent.WarehouseAsync("VAN-SH");
        Assert.Equal("孙浩", van.OwnerName);
        var transfer = new { partId = board.Id, batchNumber = "B2026-12", fromWarehouseId = warehouse.Id, toWarehouseId = van.Id, quantity = 3 };
        (await agent.PostJsonAsync("/api/v1/transfers", transfer)).EnsureSuccessStatusCode();
        await (await agent.PostJsonAsync("/api/v1/transfers", transfer)).NamesRuleAsync("R-EXE-4", HttpStatusCode.Conflict);
        var vanStock = (await agent.GetAsync<Http.Page<StockRow>>($"/api/v1/stock?warehouseId={van.Id}&q=B2026-12")).Items;
        Assert.Equal(3, Assert.Single(vanStock).OnHand);
    }

    [Fact]
    public async Task Supplier_reserves_and_ships_a_part_the_supplier_pays_freight_in_warranty_and_the_customer_reports_damage_with_photos()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");
        var board = await agent.PartAsync("MB-850");

        // A part that does not fit the device's model (PLC-200 module on a VMC-850) is refused.
        var module = await agent.PartAsync("CM-200");
        await (await agent.ReserveAsync(request.Id, module.Id)).NamesFieldAsync("partId");
        await (await customer.ReserveAsync(request.Id, board.Id)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier2.agent")).ReserveAsync(request.Id, board.Id)).ProblemAsync(HttpStatusCode.NotFound);

        var reservation = await (await agent.ReserveAsync(request.Id, board.Id, 2)).ReadAsync<ReservationView>(HttpStatusCode.Created);
        Assert.Equal(board.Available - 2, (await agent.PartAsync("MB-850")).Available);

        var shipment = await (await agent.PostJsonAsync("/api/v1/shipments", new
        {
            requestId = request.Number,
            reservationIds = new[] { reservation.Id },
            carrier = "顺丰速运",
            trackingNumber = "SF1234567890",
        })).ReadAsync<ShipmentView>(HttpStatusCode.Created);
        Assert.Equal(FreightPayer.Supplier, shipment.FreightPayer);
        Assert.Contains("供应商承担", shipment.FreightBasis);
        Assert.Equal(ShipmentStatus.Shipped, shipment.Status);
        Assert.Equal(board.OnHand - 2, (await agent.PartAsync("MB-850")).OnHand);
        Assert.Equal(ReservationStatus.Issued, (await agent.GetAsync<IReadOnlyList<ReservationView>>($"/api/v1/reservations?requestId={request.Id}")).Single().Status);

        // The customer sees the shipment of its request (and nobody else's customer does); the supplier cannot sign for it.
        var mine = await customer.GetAsync<IReadOnlyList<ShipmentView>>("/api/v1/shipments");
        Assert.True(Assert.Single(mine, s => s.Id == shipment.Id).CanCheckReceipt);
        await (await (await App.ClientForAsync("customer2")).GetAsync($"/api/v1/shipments/{shipment.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PostJsonAsync($"/api/v1/shipments/{shipment.Id}/receipt", new { modelMatches = true, quantityReceived = 2, damaged = false })).ProblemAsync(HttpStatusCode.Forbidden);

        // Damage without photos is refused; with a photo uploaded to the request it opens a damage report.
        var receipt = new { modelMatches = true, quantityReceived = 2, damaged = true, note = "外包装破损，1 件主控板接口变形", photoAttachmentIds = Array.Empty<Guid>() };
        await (await customer.PostJsonAsync($"/api/v1/shipments/{shipment.Id}/receipt", receipt)).NamesFieldAsync("photoAttachmentIds");
        var photo = await (await customer.UploadAsync(request.Id.ToString(), AttachmentKind.Photo, SampleFiles.Png, "破损.png")).ReadAsync<AttachmentView>(HttpStatusCode.Created);
        var checkedIn = await (await customer.PostJsonAsync($"/api/v1/shipments/{shipment.Id}/receipt", receipt with { photoAttachmentIds = new[] { photo.Id } })).ReadAsync<ShipmentView>();
        Assert.Equal(ShipmentStatus.ReceivedWithIssues, checkedIn.Status);
        Assert.Equal("张伟", checkedIn.ReceivedBy);
        Assert.Equal([photo.Id], checkedIn.DamageReport!.PhotoAttachmentIds);
        await (await customer.PostJsonAsync($"/api/v1/shipments/{shipment.Id}/receipt", receipt with { photoAttachmentIds = new[] { photo.Id } })).ProblemAsync(HttpStatusCode.Conflict);

        // The supplier sees the damage report and resolves it.
        var report = Assert.Single(await agent.GetAsync<IReadOnlyList<DamageReportView>>("/api/v1/damage-reports?status=open"), d => d.ShipmentId == shipment.Id);
        Assert.Equal(request.Number, report.ServiceRequestNumber);
        var resolved = await (await agent.PostJsonAsync($"/api/v1/damage-reports/{report.Id}/resolve", new { resolution = "已补发 1 件主控板" })).ReadAsync<DamageReportView>();
        Assert.Equal(DamageReportStatus.Resolved, resolved.Status);

        var parts = await agent.GetAsync<RequestPartsView>($"/api/v1/service-requests/{request.Id}/parts");
        Assert.Equal(FreightPayer.Supplier, parts.FreightPayer);
        Assert.True(parts.CanReserve && parts.CanShip);
        var customerParts = await customer.GetAsync<RequestPartsView>($"/api/v1/service-requests/{request.Id}/parts");
        Assert.Empty(customerParts.Reservations);
        Assert.False(customerParts.CanReserve);
        Assert.Single(customerParts.Shipments);

        var audit = await agent.GetAsync<JsonElement>($"/api/v1/audit?entityId={shipment.Id}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "partShipment");
    }

    [Fact]
    public async Task A_part_fitted_under_warranty_is_owed_back_and_appraised_as_reusable_into_the_storeroom()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var engineer = await App.ClientForAsync("supplier.engineer");
        var manager = await App.ClientForAsync("supplier.manager");
        var bearing = await engineer.PartAsync("SB-850");
        var reservation = await (await engineer.ReserveAsync(request.Id, bearing.Id)).ReadAsync<ReservationView>(HttpStatusCode.Created);
        await (await engineer.PostJsonAsync($"/api/v1/reservations/{reservation.Id}/consume", null)).ProblemAsync(HttpStatusCode.Conflict);
        (await engineer.PostJsonAsync($"/api/v1/reservations/{reservation.Id}/issue", null)).EnsureSuccessStatusCode();
        var consumed = await (await engineer.PostJsonAsync($"/api/v1/reservations/{reservation.Id}/consume", null)).ReadAsync<ReservationView>();
        Assert.Equal(ReservationStatus.Consumed, consumed.Status);

        var owed = Assert.Single(await manager.GetAsync<IReadOnlyList<OldPartReturnView>>($"/api/v1/old-part-returns?requestId={request.Id}"));
        Assert.Equal((OldPartReturnStatus.Owed, "孙浩", "SB-850"), (owed.Status, owed.HolderName, owed.PartNumber));
        Assert.Equal(ServiceZone.DateOf(App.Clock.GetUtcNow()).AddDays(30), owed.DueOn);

        var storeroom = await manager.WarehouseAsync("OLD-SZ");
        await (await manager.PostJsonAsync($"/api/v1/old-part-returns/{owed.Id}/appraise", new { reusable = true, storeroomWarehouseId = storeroom.Id, note = "可用" })).ProblemAsync(HttpStatusCode.Conflict);
        (await manager.PostJsonAsync($"/api/v1/old-part-returns/{owed.Id}/receive", new { returnBatch = "2026 下半年" })).EnsureSuccessStatusCode();
        var central = await manager.WarehouseAsync("WH-SZ");
        await (await manager.PostJsonAsync($"/api/v1/old-part-returns/{owed.Id}/appraise", new { reusable = true, storeroomWarehouseId = central.Id, note = "可用" })).NamesFieldAsync("storeroomWarehouseId");
        var appraised = await (await manager.PostJsonAsync($"/api/v1/old-part-returns/{owed.Id}/appraise", new { reusable = true, storeroomWarehouseId = storeroom.Id, note = "轴承游隙正常，清洗后可用" }))
            .ReadAsync<OldPartReturnView>();
        Assert.Equal(OldPartReturnStatus.Reusable, appraised.Status);
        var stored = (await manager.StockAsync(bearing.Id)).Single(s => s.WarehouseId == storeroom.Id);
        Assert.Equal((1, $"OLD-{request.Number}"), (stored.OnHand, stored.BatchNumber));
    }

    [Fact]
    public async Task The_platform_samples_ten_percent_of_the_quarters_batches_and_a_failed_batch_is_recalled_and_blocked()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var platform = await App.ClientForAsync("platform");
        var me = await agent.GetAsync<JsonElement>("/api/v1/me");
        var supplierId = me.GetProperty("organization").GetProperty("id").GetGuid();
        for (var i = 1; i <= 9; i++)
        {
            await agent.StockedPartAsync($"QS-{i}", 3, $"QB-{i}");
        }

        await (await agent.PostJsonAsync("/api/v1/sampling-plans", new { supplierId })).ProblemAsync(HttpStatusCode.Forbidden);
        var plan = await (await platform.PostJsonAsync("/api/v1/sampling-plans", new { supplierId })).ReadAsync<SamplingPlanView>(HttpStatusCode.Created);
        Assert.True(plan.BatchesInQuarter >= 11, $"demo batches plus nine new ones, got {plan.BatchesInQuarter}");
        Assert.Equal((plan.BatchesInQuarter + 9) / 10, plan.SampleSize);
        Assert.True(plan.SampleSize * 10 >= plan.BatchesInQuarter);
        await (await platform.PostJsonAsync("/api/v1/sampling-plans", new { supplierId })).ProblemAsync(HttpStatusCode.Conflict);

        var item = plan.Items[0];
        await (await platform.PostJsonAsync($"/api/v1/sampling-plans/{plan.Id}/items/{item.Id}/result", new { passed = false })).NamesFieldAsync("note");
        var recorded = await (await platform.PostJsonAsync($"/api/v1/sampling-plans/{plan.Id}/items/{item.Id}/result", new { passed = false, note = "硬度不达标" })).ReadAsync<SamplingPlanView>();
        Assert.Equal((1, BatchStatus.Failed), (recorded.Failed, recorded.Items[0].BatchStatus));

        // The supplier sees its plan; another supplier does not.
        Assert.Contains(await agent.GetAsync<IReadOnlyList<SamplingPlanView>>("/api/v1/sampling-plans"), p => p.Id == plan.Id);
        Assert.Empty(await (await App.ClientForAsync("supplier2.agent")).GetAsync<IReadOnlyList<SamplingPlanView>>("/api/v1/sampling-plans"));

        var before = await agent.GetAsync<PartsSummary>("/api/v1/parts/summary");
        (await platform.PostJsonAsync($"/api/v1/part-batches/{item.BatchId}/recall", new { reason = "抽检不合格，责令召回" })).EnsureSuccessStatusCode();
        var after = await platform.GetAsync<SamplingPlanView>($"/api/v1/sampling-plans/{plan.Id}");
        Assert.Equal(BatchStatus.Recalled, after.Items[0].BatchStatus);
        Assert.True(after.Items[0].BlockedOnHand > 0);
        var summary = await agent.GetAsync<PartsSummary>("/api/v1/parts/summary");
        Assert.Equal(before.Available - after.Items[0].BlockedOnHand, summary.Available);
        Assert.Equal(after.Items[0].BlockedOnHand, summary.BlockedOnHand);

        // Nothing of the recalled batch can be reserved.
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var part = await agent.PartAsync(item.PartNumber);
        await (await agent.ReserveAsync(request.Id, part.Id, 1, item.BatchNumber)).NamesRuleAsync("R-EXE-4", HttpStatusCode.Conflict);
        var passedItem = after.Items.Skip(1).FirstOrDefault();
        if (passedItem is not null)
        {
            await (await platform.PostJsonAsync($"/api/v1/part-batches/{passedItem.BatchId}/recall", new { reason = "x" })).ProblemAsync(HttpStatusCode.Conflict);
        }
    }
}
