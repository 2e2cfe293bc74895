using AfterSales.Domain.Parts;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Parts;

/// <summary>Spare parts under <c>/api/v1</c> (issue 6 §4, R-EXE-4, R-KPI-4; old-part returns §6, R-DLR-2, R-DLR-3).</summary>
public static class PartsApi
{
    public static IServiceCollection AddPartsFeatures(this IServiceCollection services)
    {
        services.AddScoped<PartsQueries>();
        services.AddScoped<PartCatalogue>();
        services.AddScoped<StockMovements>();
        services.AddScoped<PartReservations>();
        services.AddScoped<PartShipments>();
        services.AddScoped<PartSampling>();
        services.AddScoped<OldPartReturns>();
        services.AddScoped<PartsDemoData>();
        return services;
    }

    public static RouteGroupBuilder MapPartsApi(this RouteGroupBuilder api)
    {
        var parts = api.MapGroup("/parts").WithTags("Parts 备件");
        parts.MapGet("/", async ([FromQuery(Name = "q")] string? search, [FromQuery(Name = "model")] string? model, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PartsAsync(search, model, ct)))
            .WithSummary("备件目录 The spare-parts catalogue with stock totals and disclosed lead times (R-EXE-4, R-QUO-4)")
            .WithDescription("Filters: q (part number, name or brand), model (a product model the part fits). A supplier sees its own; a customer the catalogue of its suppliers; the platform all.");
        parts.MapPost("/", async (PartCatalogue.AddPartCommand command, PartCatalogue useCase, PartsQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.PartAsync(await useCase.AddPartAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/parts/{view.Id}", view);
            })
            .WithSummary("新增备件 Add a part to the supplier's catalogue")
            .WithDescription("Body { \"partNumber\": \"MB-850\", \"name\": \"主板\", \"brand\": \"华东精密\", \"compatibleModels\": [\"VMC-850\"], \"isCustom\": false, \"leadTimeDays\": 5 }. "
                + "A standard part's lead time is 1–7 days (R-EXE-4); a custom part's over 7 and disclosed to the customer (R-QUO-4). Supplier staff with parts.manage.");
        parts.MapGet("/{id:guid}", async (Guid id, PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PartAsync(id, ct)))
            .WithSummary("备件详情 One part with its stock totals");
        parts.MapGet("/summary", async (PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SummaryAsync(ct)))
            .WithSummary("备件概况 Parts summary: stock, out-of-stock parts, blocked stock, open and late replenishments, shipments in transit, open damage reports, old parts owed");

        var warehouses = api.MapGroup("/warehouses").WithTags("Parts 备件");
        warehouses.MapGet("/", async (PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.WarehousesAsync(ct)))
            .WithSummary("仓库 The supplier's warehouses, engineers' vans and storerooms with stock totals");
        warehouses.MapPost("/", async (PartCatalogue.AddWarehouseCommand command, PartCatalogue useCase, PartsQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var id = await useCase.AddWarehouseAsync(command, Idempotency.ReadKey(http), ct);
                return TypedResults.Created($"/api/v1/warehouses/{id}", (await queries.WarehousesAsync(ct)).Single(w => w.Id == id));
            })
            .WithSummary("新增仓库 Add a warehouse (central, regional, storeroom) or an engineer's van stock")
            .WithDescription("Body { \"code\": \"VAN-SH\", \"name\": \"孙浩随车库存\", \"kind\": \"central|regional|van|storeroom\", \"ownerUserId\": \"… (van only)\", \"city\": \"苏州\" }.");

        var stock = api.MapGroup("/stock").WithTags("Parts 备件");
        stock.MapGet("/", async (
                [FromQuery(Name = "warehouseId")] Guid? warehouseId,
                [FromQuery(Name = "partId")] Guid? partId,
                [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "available")] string? available,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                PartsQueries queries,
                CancellationToken ct) =>
                TypedResults.Ok(await queries.StockAsync(new StockFilter(warehouseId, partId, search, QueryValues.Flag(available, "available")), pageSize, after, ct)))
            .WithSummary("库存 Stock per warehouse, part and batch: on hand, reserved, available, blocked (recalled)")
            .WithDescription("Filters: warehouseId, partId, q (part number, name, brand or batch), available=true (only lines with stock available). Keyset-paged.");

        var replenishments = api.MapGroup("/replenishments").WithTags("Parts 备件");
        replenishments.MapGet("/", async ([FromQuery(Name = "status")] ReplenishmentStatus? status, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReplenishmentsAsync(status, ct)))
            .WithSummary("补货单 Replenishment orders with expected arrival and lateness");
        replenishments.MapPost("/", async (StockMovements.ReplenishCommand command, StockMovements useCase, PartsQueries queries, CancellationToken ct) =>
            {
                var view = await queries.ReplenishmentAsync(await useCase.ReplenishAsync(command, ct), ct);
                return TypedResults.Created($"/api/v1/replenishments/{view.Id}", view);
            })
            .WithSummary("补货 Order parts into a warehouse; expected arrival = today + the part's lead time (≤ 7 days standard, R-EXE-4)")
            .WithDescription("Body { \"partId\": \"…\", \"warehouseId\": \"…\", \"quantity\": 10, \"serviceRequestId\": \"… (optional)\" }.");
        replenishments.MapPost("/{id:guid}/receive", async (Guid id, StockMovements.ReceiveCommand command, StockMovements useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReplenishmentAsync(await useCase.ReceiveAsync(id, command, ct), ct)))
            .WithSummary("到货入库 Receive the order's batch into stock")
            .WithDescription("Body { \"batchNumber\": \"B2026-11\" }. The batch is registered for quarterly sampling (R-KPI-4).");

        var transfers = api.MapGroup("/transfers").WithTags("Parts 备件");
        transfers.MapGet("/", async (PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.TransfersAsync(ct)))
            .WithSummary("调拨记录 Stock transfers, newest first");
        transfers.MapPost("/", async (StockMovements.TransferCommand command, StockMovements useCase, PartsQueries queries, CancellationToken ct) =>
            {
                var id = await useCase.TransferAsync(command, ct);
                return TypedResults.Created($"/api/v1/transfers/{id}", (await queries.TransfersAsync(ct)).Single(t => t.Id == id));
            })
            .WithSummary("调拨 Move available stock of a batch between two of the supplier's warehouses (e.g. to an engineer's van)")
            .WithDescription("Body { \"partId\": \"…\", \"batchNumber\": \"…\", \"fromWarehouseId\": \"…\", \"toWarehouseId\": \"…\", \"quantity\": 2 }. More than is available is 409 R-EXE-4.");

        var reservations = api.MapGroup("/reservations").WithTags("Parts 备件");
        reservations.MapGet("/", async ([FromQuery(Name = "requestId")] Guid? requestId, [FromQuery(Name = "status")] ReservationStatus? status, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReservationsAsync(requestId, status, ct)))
            .WithSummary("备件预留 Reservations, filtered by request and status");
        reservations.MapPost("/", async (PartReservations.ReserveCommand command, PartReservations useCase, PartsQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.ReservationAsync(await useCase.ReserveAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/reservations/{view.Id}", view);
            })
            .WithSummary("预留备件 Reserve parts for a service request (and optionally a work order)")
            .WithDescription("Body { \"requestId\": \"SR-… or id\", \"partId\": \"…\", \"quantity\": 1, \"warehouseId\": \"… (optional)\", \"batchNumber\": \"… (optional)\", \"workOrderId\": \"… (optional)\" }. "
                + "The part must fit the device's model. More than is available — also when a concurrent reservation took it — is 409 naming R-EXE-4 with requested and available.");
        reservations.MapPost("/{id:guid}/issue", async (Guid id, PartReservations useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReservationAsync(await useCase.IssueAsync(id, ct), ct)))
            .WithSummary("出库 Issue reserved parts to the engineer (without a shipment)");
        reservations.MapPost("/{id:guid}/consume", async (Guid id, PartReservations useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReservationAsync(await useCase.ConsumeAsync(id, ct), ct)))
            .WithSummary("消耗 Record issued parts as fitted; under warranty an old-part return is owed (R-DLR-2)");
        reservations.MapPost("/{id:guid}/cancel", async (Guid id, PartReservations.CancelCommand command, PartReservations useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReservationAsync(await useCase.CancelAsync(id, command, ct), ct)))
            .WithSummary("取消预留 Give reserved parts back to available stock")
            .WithDescription("Body { \"reason\": \"…\" }; only while reserved.");

        var shipments = api.MapGroup("/shipments").WithTags("Parts 备件");
        shipments.MapGet("/", async ([FromQuery(Name = "requestId")] Guid? requestId, [FromQuery(Name = "status")] ShipmentStatus? status, [FromQuery(Name = "q")] string? search,
                PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ShipmentsAsync(requestId, status, search, ct)))
            .WithSummary("备件发货 Shipments: the supplier's, or the customer's own")
            .WithDescription("Filters: requestId, status (shipped, received, receivedWithIssues), q (shipment, tracking or request number).");
        shipments.MapPost("/", async (PartShipments.ShipCommand command, PartShipments useCase, PartsQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.ShipmentAsync(await useCase.ShipAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/shipments/{view.Id}", view);
            })
            .WithSummary("发货 Ship a request's reserved parts with carrier and tracking number (R-EXE-4)")
            .WithDescription("Body { \"requestId\": \"…\", \"reservationIds\": [\"…\"], \"carrier\": \"顺丰速运\", \"trackingNumber\": \"SF1234567890\" }. "
                + "The reservations are issued; the freight payer follows the request's warranty status: in warranty → supplier, else customer (seed 000).");
        shipments.MapGet("/{id:guid}", async (Guid id, PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ShipmentAsync(id, ct)))
            .WithSummary("发货单详情 One shipment with its receipt check and damage report");
        shipments.MapPost("/{id:guid}/receipt", async (Guid id, PartShipments.ReceiptCommand command, PartShipments useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ShipmentAsync(await useCase.CheckReceiptAsync(id, command, ct), ct)))
            .WithSummary("签收验货 The customer checks model, quantity and damage on receipt")
            .WithDescription("Body { \"modelMatches\": true, \"quantityReceived\": 1, \"damaged\": false, \"note\": \"…\", \"photoAttachmentIds\": [\"…\"] }. "
                + "Damage needs photos already uploaded to the request (kind photo) and opens a damage report the supplier sees.");

        var damage = api.MapGroup("/damage-reports").WithTags("Parts 备件");
        damage.MapGet("/", async ([FromQuery(Name = "status")] DamageReportStatus? status, PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DamageReportsAsync(status, ct)))
            .WithSummary("破损报告 Damage reported on receipt");
        damage.MapPost("/{id:guid}/resolve", async (Guid id, PartShipments.ResolveCommand command, PartShipments useCase, PartsQueries queries, CancellationToken ct) =>
            {
                await useCase.ResolveDamageAsync(id, command, ct);
                return TypedResults.Ok((await queries.DamageReportsAsync(null, ct)).Single(d => d.Id == id));
            })
            .WithSummary("处理破损 The supplier records how it made the damage good")
            .WithDescription("Body { \"resolution\": \"已补发 1 件\" }.");

        var sampling = api.MapGroup("/sampling-plans").WithTags("Parts 备件");
        sampling.MapGet("/", async (PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SamplingPlansAsync(ct)))
            .WithSummary("季度抽检计划 Quarterly sampling plans (R-KPI-4): the platform's all, a supplier's own");
        sampling.MapPost("/", async (PartSampling.DrawCommand command, PartSampling useCase, PartsQueries queries, CancellationToken ct) =>
            {
                var view = await queries.SamplingPlanAsync(await useCase.DrawAsync(command, ct), ct);
                return TypedResults.Created($"/api/v1/sampling-plans/{view.Id}", view);
            })
            .WithSummary("制定抽检计划 Draw ⌈10 %⌉ of a supplier's batches received in a quarter (R-KPI-4)")
            .WithDescription("Body { \"supplierId\": \"…\", \"year\": 2026, \"quarter\": 4 } (year and quarter default to the current quarter). The platform (parts.sample); one plan per supplier and quarter.");
        sampling.MapGet("/{id:guid}", async (Guid id, PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SamplingPlanAsync(id, ct)))
            .WithSummary("抽检计划详情 One plan with its sampled batches and results");
        sampling.MapPost("/{id:guid}/items/{itemId:guid}/result", async (Guid id, Guid itemId, PartSampling.ResultCommand command, PartSampling useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SamplingPlanAsync(await useCase.RecordAsync(id, itemId, command, ct), ct)))
            .WithSummary("登记抽检结果 Record a sampled batch as passed or failed")
            .WithDescription("Body { \"passed\": false, \"note\": \"硬度不达标\" }; a failure needs a note.");

        api.MapPost("/part-batches/{id:guid}/recall", async (Guid id, PartSampling.RecallCommand command, PartSampling useCase, CancellationToken ct) =>
            {
                await useCase.RecallAsync(id, command, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Parts 备件")
            .WithSummary("召回批次 Recall a batch that failed sampling: its stock is blocked everywhere (R-KPI-4)")
            .WithDescription("Body { \"reason\": \"…\" }. The platform or the supplier; only a failed batch.");

        var returns = api.MapGroup("/old-part-returns").WithTags("Parts 备件");
        returns.MapGet("/", async ([FromQuery(Name = "requestId")] Guid? requestId, [FromQuery(Name = "status")] OldPartReturnStatus? status, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.OldPartReturnsAsync(requestId, status, ct)))
            .WithSummary("旧件返还 Old parts owed back after warranty replacements (R-DLR-2)");
        returns.MapPost("/{id:guid}/receive", async (Guid id, OldPartReturns.ReceiveCommand command, OldPartReturns useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.OldPartReturnAsync(await useCase.ReceiveAsync(id, command, ct), ct)))
            .WithSummary("收回旧件 Receive an old part (optionally naming its return batch)");
        returns.MapPost("/{id:guid}/appraise", async (Guid id, OldPartReturns.AppraiseCommand command, OldPartReturns useCase, PartsQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.OldPartReturnAsync(await useCase.AppraiseAsync(id, command, ct), ct)))
            .WithSummary("旧件鉴定 Appraise as reusable (into a storeroom's stock) or scrap (R-DLR-3)")
            .WithDescription("Body { \"reusable\": true, \"storeroomWarehouseId\": \"…\", \"note\": \"…\" }.");

        api.MapGet("/service-requests/{id}/parts", async (string id, PartsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForRequestAsync(id, ct)))
            .WithTags("Parts 备件")
            .WithSummary("售后单备件 A request's freight payer, reservations, shipments and old parts");
        return api;
    }
}
