using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>Maintenance contracts, plans, visits and reports under <c>/api/v1</c> (issue 6 §8: R-MNT-1, R-RV-2, R-EXE-3).</summary>
public static class MaintenanceApi
{
    public static IServiceCollection AddMaintenanceFeatures(this IServiceCollection services)
    {
        services.AddScoped<MaintenanceQueries>();
        services.AddScoped<MaintenanceActions>();
        services.AddSingleton<MaintenanceScheduler>();
        services.AddHostedService<MaintenanceSchedulerWorker>();
        return services;
    }

    public static RouteGroupBuilder MapMaintenanceApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/maintenance-contracts").WithTags("Maintenance 维保");
        contracts.MapPost("/", async (MaintenanceActions.SignContractCommand command, MaintenanceActions actions, MaintenanceQueries queries, CancellationToken ct) =>
            {
                var view = await queries.ContractAsync(await actions.SignContractAsync(command, ct), ct);
                return TypedResults.Created($"/api/v1/maintenance-contracts/{view.Id}", view);
            })
            .WithSummary("签订维保合同 Sign a maintenance contract after warranty (R-MNT-1)")
            .WithDescription("Body { \"customerId\", \"title\", \"startsOn\": \"2027-01-01\", \"endsOn\": \"2027-12-31\", \"feeCny\": 12000.00, \"serviceContent\", \"coveredAssetIds\": [..] }. "
                + "Supplier staff with workOrders.dispatch; the assets must be the customer's, bought from the caller's organisation. Numbered WB-YYYY-NNNNNN.");
        contracts.MapGet("/", async ([FromQuery(Name = "customerId")] Guid? customerId, [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after,
                MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ContractsAsync(customerId, pageSize, after, ct)))
            .WithSummary("维保合同 Contracts the caller's organisation is party to, newest first")
            .WithDescription("status is notStarted, active, expired or terminated as of today (Asia/Shanghai).");
        contracts.MapGet("/{id:guid}", async (Guid id, MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ContractAsync(id, ct)))
            .WithSummary("维保合同详情 One contract");
        contracts.MapPost("/{id:guid}/terminate", async (Guid id, MaintenanceActions.ReasonCommand command, MaintenanceActions actions, MaintenanceQueries queries, CancellationToken ct) =>
            {
                await actions.TerminateContractAsync(id, command, ct);
                return TypedResults.Ok(await queries.ContractAsync(id, ct));
            })
            .WithSummary("终止维保合同 End a contract early, with a reason; its plans make no visit after today");

        var plans = api.MapGroup("/maintenance-plans").WithTags("Maintenance 维保");
        plans.MapPost("/", async (MaintenanceActions.CreatePlanCommand command, MaintenanceActions actions, MaintenanceQueries queries, CancellationToken ct) =>
            {
                var view = await queries.PlanAsync(await actions.CreatePlanAsync(command, ct), ct);
                return TypedResults.Created($"/api/v1/maintenance-plans/{view.Id}", view);
            })
            .WithSummary("建立维保计划 Set up a maintenance plan (R-MNT-1, R-RV-2)")
            .WithDescription("Body { \"kind\": \"quarterlyInspection|yearlyMaintenance|consumables\", \"contractId\": null, \"assetId\", \"title\", \"intervalMonths\": 3, "
                + "\"firstDueOn\": \"2027-01-15\", \"endsOn\": null, \"items\": [\"主轴润滑\", …] }. Without a contract the asset must be under warranty. Visits are counted from "
                + "the first date (31 Jan → 30 Apr → 31 Jul), generated 14 days ahead as inspection work orders, and reminded 7 days ahead to both sides.");
        plans.MapGet("/", async ([FromQuery(Name = "contractId")] Guid? contractId, [FromQuery(Name = "status")] MaintenancePlanStatus? status,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, MaintenanceQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PlansAsync(contractId, status, pageSize, after, ct)))
            .WithSummary("维保计划 Plans of the caller's organisation, newest first, each with its next due dates")
            .WithDescription("Filters: contractId, status (active, ended).");
        plans.MapGet("/upcoming", async ([FromQuery(Name = "days")] int? days, MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.UpcomingAsync(days, ct)))
            .WithSummary("预览 The visits active plans make in the next days (default 30), marked when already generated");
        plans.MapPost("/generate", async (MaintenanceScheduler scheduler, CallerContext callers, CancellationToken ct) =>
            {
                var caller = callers.Required;
                if (!caller.Has(Permissions.WorkOrdersDispatch) && !caller.Has(Permissions.DeadlinesMonitor))
                {
                    throw new Domain.Common.ActionNotPermitted("generate", "只有供应商调度人员或平台运营可以立即生成维保工单。");
                }

                return TypedResults.Ok(await scheduler.RunAsync(ct));
            })
            .WithSummary("立即生成 Run the scheduled pass now: generate visits due within 14 days and send due 7-day reminders")
            .WithDescription("Idempotent: a visit is generated once per plan and due date, a reminder once per visit, however often or on however many instances it runs.");
        plans.MapGet("/{id:guid}", async (Guid id, MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PlanAsync(id, ct)))
            .WithSummary("维保计划详情 One plan with its next due dates");
        plans.MapPost("/{id:guid}/end", async (Guid id, MaintenanceActions.ReasonCommand command, MaintenanceActions actions, MaintenanceQueries queries, CancellationToken ct) =>
            {
                await actions.EndPlanAsync(id, command, ct);
                return TypedResults.Ok(await queries.PlanAsync(id, ct));
            })
            .WithSummary("结束维保计划 End a plan with a reason; visits already generated stay");
        plans.MapGet("/{id:guid}/visits", async (Guid id, [FromQuery(Name = "reported")] bool? reported, [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after, MaintenanceQueries queries, CancellationToken ct) =>
            {
                await queries.PlanAsync(id, ct);
                return TypedResults.Ok(await queries.VisitsAsync(id, reported, pageSize, after, ct));
            })
            .WithSummary("维保记录 The plan's generated visits, latest due first");

        var visits = api.MapGroup("/maintenance-visits").WithTags("Maintenance 维保");
        visits.MapGet("/", async ([FromQuery(Name = "reported")] bool? reported, [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after,
                MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.VisitsAsync(null, reported, pageSize, after, ct)))
            .WithSummary("维保记录 Visits of the caller's organisation with their report state (scheduled, due, overdue, met, late)");
        visits.MapGet("/{id:guid}", async (Guid id, MaintenanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.VisitAsync(id, ct)))
            .WithSummary("维保记录详情 One visit with its report");
        visits.MapPost("/{id:guid}/report", async (Guid id, MaintenanceActions.FileReportCommand command, MaintenanceActions actions, MaintenanceQueries queries, CancellationToken ct) =>
            {
                await actions.FileReportAsync(id, command, ct);
                return TypedResults.Ok(await queries.VisitAsync(id, ct));
            })
            .WithSummary("提交保养/巡检报告 File the inspection record and report (R-EXE-3, R-MNT-1)")
            .WithDescription("Body { \"visitedOn\": \"2027-01-15\", \"items\": [{ \"item\": \"主轴润滑\", \"result\": \"ok|fixed|needsFollowUp\", \"note\": \"…\" }], \"findings\": \"…\", "
                + "\"nextDueOn\": null }. Every plan item needs a result; a follow-up needs a note. Due by the 3rd working day after the visit on cn-9-18: reportOnTime says met or late.");
        return api;
    }
}
