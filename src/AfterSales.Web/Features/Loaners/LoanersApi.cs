using AfterSales.Domain.Loaners;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Loaners;

/// <summary>Loaner pools (备用机, R-EXE-7; issue 6 §7) under <c>/api/v1/loaners</c>.</summary>
public static class LoanersApi
{
    public static IServiceCollection AddLoanerFeatures(this IServiceCollection services)
    {
        services.AddScoped<LoanerQueries>();
        services.AddScoped<LoanerActions>();
        services.AddScoped<OutstandingLoanerGate>();
        return services;
    }

    public static RouteGroupBuilder MapLoanersApi(this RouteGroupBuilder api)
    {
        var loaners = api.MapGroup("/loaners").WithTags("Loaners 备用机");
        loaners.MapGet("/", async (
                [FromQuery(Name = "status")] LoanerLocation? status,
                [FromQuery(Name = "supplierId")] Guid? supplierId,
                [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                LoanerQueries queries,
                CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new LoanerFilter(status, supplierId, search), pageSize, after, ct)))
            .WithSummary("备用机池 The loaner pool: every unit and where it is now (R-EXE-7)")
            .WithDescription("Filters: status (inPool, inTransit, atCustomer, underRepair, retired), supplierId (the platform sees every pool), "
                + "q (asset tag, serial, model, name, grade or request number). Keyset-paged: page[size] (1–200), page[after].");
        loaners.MapPost("/", async (LoanerActions.RegisterCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
            {
                var view = await queries.GetAsync(await actions.RegisterAsync(command, ct), ct);
                return TypedResults.Created($"/api/v1/loaners/{view.Unit.Id}", view);
            })
            .WithSummary("备用机入池 Add a unit to the supplier's loaner pool")
            .WithDescription("Body { \"assetTag\": \"BYJ-004\", \"serial\": \"…\", \"model\": \"VMC-850\", \"name\": \"立式数控加工中心\", \"grade\": \"中型立加\", "
                + "\"condition\": \"good|worn\", \"poolLocation\": \"苏州中心仓\" }. Supplier staff with loaners.manage; the asset tag is unique in the pool.");
        loaners.MapGet("/owed", async (LoanerQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OwedAsync(ct)))
            .WithSummary("应提供备用机 Open requests that owe a loaner and have none out (seed 004: critical fault not fixed within 4 h)");
        loaners.MapGet("/requests/{requestId}", async (string requestId, LoanerQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForRequestAsync(requestId, ct)))
            .WithSummary("售后单的备用机 The loaners of a request, whether one is owed, and the units that could be issued (equivalent first)")
            .WithDescription("requestId: id or number SR-…; a request the caller cannot see is 404. Suggestions: same model as the customer's unit first, then the same grade.");
        loaners.MapGet("/{id:guid}", async (Guid id, LoanerQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("备用机详情 One unit with its movement history and the actions the caller may take");

        loaners.MapPost("/{id:guid}/issue", async (Guid id, LoanerActions.IssueCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.IssueAsync(id, command, ct), ct)))
            .WithSummary("发放 Issue the unit to the customer site of a request (R-EXE-7)")
            .WithDescription("Body { \"requestId\": \"SR-2026-000001 or id\", \"workOrderId\": \"… (optional)\", \"note\": \"…\" }. Only a unit in the pool (422 R-EXE-7 otherwise); "
                + "the request's open 备用机 work order is used or created. Two issues of the same unit at once: one succeeds, the other is 409.");
        loaners.MapPost("/{id:guid}/deliver", async (Guid id, LoanerActions.DeliverCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.DeliverAsync(id, command, ct), ct)))
            .WithSummary("送达签收 Record delivery and the customer's receipt")
            .WithDescription("Body { \"receivedBy\": \"张工\", \"note\": \"…\" }.");
        loaners.MapPost("/{id:guid}/reclaim", async (Guid id, LoanerActions.ReclaimCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.ReclaimAsync(id, command, ct), ct)))
            .WithSummary("回收 Reclaim once the original unit is back in service (R-EXE-7)")
            .WithDescription("Body { \"originalRunning\": true, \"condition\": \"good|worn|damaged\", \"toRepair\": false, \"note\": \"…\" }. Allowed when the request's service is complete "
                + "(pendingAcceptance or later) or originalRunning is true (422 R-EXE-7 otherwise). Back to the pool, or to repair (always when damaged).");
        loaners.MapPost("/{id:guid}/repaired", async (Guid id, LoanerActions.NoteCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.RepairedAsync(id, command, ct), ct)))
            .WithSummary("修复入池 A repaired unit goes back to the pool");
        loaners.MapPost("/{id:guid}/retire", async (Guid id, LoanerActions.RetireCommand command, LoanerActions actions, LoanerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.RetireAsync(id, command, ct), ct)))
            .WithSummary("报废 Retire a unit from the pool")
            .WithDescription("Body { \"reason\": \"…\" }; only a unit in the pool or under repair.");
        return api;
    }
}
