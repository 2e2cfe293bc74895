using AfterSales.Web.Http;

namespace AfterSales.Web.Features.ReturnToFactory;

/// <summary>
/// Return to factory (返厂维修, R-EXE-5) and whole-unit replacement (整机更换, R-EXE-6) under
/// <c>/api/v1/work-orders/{id}/…</c> (issue 6 §5). Each stage is a POST returning the record; refusals are problem
/// details naming the field (400), the role (403) or the order of stages (409); another organisation's work order is 404.
/// </summary>
public static class ReturnToFactoryApi
{
    public static IServiceCollection AddReturnToFactoryFeatures(this IServiceCollection services)
    {
        services.AddScoped<ReturnQueries>();
        services.AddScoped<ReturnActions>();
        services.AddScoped<ReturnRecords>();
        return services;
    }

    public static RouteGroupBuilder MapReturnToFactoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/work-orders/{id:guid}").WithTags("Return to factory 返厂维修与整机更换");

        group.MapGet("/factory-repair", async (Guid id, ReturnQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.FactoryRepairAsync(id, ct)))
            .WithSummary("返厂维修记录 The return-to-factory record: stages, pickup due (24 h) and return due (3 working days), met or late (R-EXE-5)");
        Factory(group, "bookPickup", "安排取件 Book the pickup: carrier and tracking, within 24 h of the work order (R-EXE-5)",
            "Body { \"carrier\": \"顺丰速运\", \"trackingNumber\": \"SF1234567890\" }. Closes the request's FactoryPickup timer (met or late).",
            (ReturnActions a, Guid id, ReturnActions.ShipmentCommand c, string? key, CancellationToken ct) => a.BookPickupAsync(id, c, key, ct));
        Factory(group, "confirmPickup", "已取件 The carrier picked the unit up", "Body { \"note\": \"…\" } (optional).",
            (ReturnActions a, Guid id, ReturnActions.NoteCommand? c, string? key, CancellationToken ct) => a.ConfirmPickupAsync(id, c ?? new(null), key, ct));
        Factory(group, "receiveAtFactory", "工厂收货 Received at the factory: the 3 working days to ship back start (R-EXE-5)",
            "Body { \"note\": \"…\" } (optional). Opens the request's FactoryReturn timer, counted on the working calendar cn-9-18.",
            (ReturnActions a, Guid id, ReturnActions.NoteCommand? c, string? key, CancellationToken ct) => a.ReceiveAtFactoryAsync(id, c ?? new(null), key, ct));
        Factory(group, "recordRepair", "维修 What was repaired", "Body { \"repairWork\": \"更换主板\" }.",
            (ReturnActions a, Guid id, ReturnActions.RepairCommand c, string? key, CancellationToken ct) => a.RecordRepairAsync(id, c, key, ct));
        Factory(group, "recordTest", "测试 The test after repair; a failed test sends the unit back to repair",
            "Body { \"testResult\": \"连续运行 4 小时无异常\", \"passed\": true }.",
            (ReturnActions a, Guid id, ReturnActions.TestCommand c, string? key, CancellationToken ct) => a.RecordTestAsync(id, c, key, ct));
        Factory(group, "shipBack", "寄回 Shipped back to the customer with carrier and tracking, within 3 working days of receipt (R-EXE-5)",
            "Body { \"carrier\": \"顺丰速运\", \"trackingNumber\": \"SF…\" }. Needs a passed test. Closes the request's FactoryReturn timer (met or late).",
            (ReturnActions a, Guid id, ReturnActions.ShipmentCommand c, string? key, CancellationToken ct) => a.ShipBackAsync(id, c, key, ct));
        Factory(group, "confirmDelivery", "客户签收 The customer received the repaired unit; the work order is done",
            "Body { \"note\": \"…\" } (optional). The customer, or supplier staff from the carrier's proof of delivery.",
            (ReturnActions a, Guid id, ReturnActions.NoteCommand? c, string? key, CancellationToken ct) => a.ConfirmDeliveryAsync(id, c ?? new(null), key, ct));

        group.MapGet("/replacement", async (Guid id, ReturnQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ReplacementAsync(id, ct)))
            .WithSummary("整机更换记录 The replacement record: approval, new serial, faulty unit's return and inspection (R-EXE-6)");
        Replacement(group, "approve", "审批 A supplier manager approves the replacement; dispatch is refused before (422 R-EXE-6)",
            "Body { \"note\": \"…\" } (optional). Needs workOrders.approveReplacement.",
            (ReturnActions a, Guid id, ReturnActions.NoteCommand? c, string? key, CancellationToken ct) => a.ApproveReplacementAsync(id, c ?? new(null), key, ct));
        Replacement(group, "refuse", "驳回 A supplier manager refuses the replacement with a reason; the replacement work order is cancelled",
            "Body { \"reason\": \"设备未达整机更换条件，改为返厂维修\" } (required). Needs workOrders.approveReplacement; only while awaiting approval.",
            (ReturnActions a, Guid id, ReturnActions.RefusalCommand? c, string? key, CancellationToken ct) => a.RefuseReplacementAsync(id, c ?? new(null), key, ct));
        Replacement(group, "recordNewUnit", "新机交付 The new unit's serial; the old asset is linked to it",
            "Body { \"newSerial\": \"EQ-0001-R1\" }. The old asset records ReplacedBySerial; a registered new asset records ReplacesSerial.",
            (ReturnActions a, Guid id, ReturnActions.NewUnitCommand c, string? key, CancellationToken ct) => a.RecordNewUnitAsync(id, c, key, ct));
        Replacement(group, "shipFaultyUnit", "故障机寄回 The faulty unit comes back: carrier and tracking", "Body { \"carrier\": \"…\", \"trackingNumber\": \"…\" }. The customer or supplier staff.",
            (ReturnActions a, Guid id, ReturnActions.ShipmentCommand c, string? key, CancellationToken ct) => a.ShipFaultyUnitAsync(id, c, key, ct));
        Replacement(group, "receiveFaultyUnit", "故障机收货 The factory received the faulty unit", "Body { \"note\": \"…\" } (optional).",
            (ReturnActions a, Guid id, ReturnActions.NoteCommand? c, string? key, CancellationToken ct) => a.ReceiveFaultyUnitAsync(id, c ?? new(null), key, ct));
        Replacement(group, "inspect", "故障机检测 The faulty unit's inspection result; the work order is done",
            "Body { \"inspectionResult\": \"…\", \"faultConfirmed\": true }.",
            (ReturnActions a, Guid id, ReturnActions.InspectionCommand c, string? key, CancellationToken ct) => a.InspectFaultyUnitAsync(id, c, key, ct));

        api.MapGet("/assets/{serial}/replacement", async (string serial, ReturnQueries queries, CancellationToken ct) =>
                await queries.AssetAsync(serial, ct) is { } view ? Results.Ok(view) : Results.NoContent())
            .WithTags("Return to factory 返厂维修与整机更换")
            .WithSummary("设备更换关系 The serial that replaced this asset, or the one it replaces (R-EXE-6); 204 when none");
        return api;
    }

    private static void Factory<TCommand>(RouteGroupBuilder group, string action, string summary, string description,
        Func<ReturnActions, Guid, TCommand, string?, CancellationToken, Task<Guid>> run) =>
        group.MapPost($"/factory-repair/{action}", async (Guid id, TCommand c, ReturnActions actions, ReturnQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.FactoryRepairAsync(await run(actions, id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary(summary)
            .WithDescription(description);

    private static void Replacement<TCommand>(RouteGroupBuilder group, string action, string summary, string description,
        Func<ReturnActions, Guid, TCommand, string?, CancellationToken, Task<Guid>> run) =>
        group.MapPost($"/replacement/{action}", async (Guid id, TCommand c, ReturnActions actions, ReturnQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReplacementAsync(await run(actions, id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary(summary)
            .WithDescription(description);
}
