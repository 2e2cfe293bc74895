using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Penalties;

/// <summary>Penalties, the money ledger, deposits and the penalty preview under <c>/api/v1</c> (API.md, issue 3 §8).</summary>
public static class PenaltiesApi
{
    public static IServiceCollection AddPenaltyFeatures(this IServiceCollection services)
    {
        services.AddScoped<PenaltyQueries>();
        services.AddScoped<WaivePenalty>();
        services.AddScoped<RecordDeposit>();
        return services;
    }

    public static RouteGroupBuilder MapPenaltiesApi(this RouteGroupBuilder api)
    {
        const string filters = "Filters: supplierId, requestId, requestNumber, kind (deadline kind), account (supplierDeposit, customerCompensation, internalFine), "
            + "waived (true/false), createdFrom (inclusive) and createdTo (exclusive) as ISO-8601 instants. Newest first; amounts in CNY to the fen.";

        var penalties = api.MapGroup("/penalties").WithTags("Penalties 违约金");
        penalties.MapGet("/", async (
                [FromQuery(Name = "supplierId")] Guid? supplierId,
                [FromQuery(Name = "requestId")] Guid? requestId,
                [FromQuery(Name = "requestNumber")] string? requestNumber,
                [FromQuery(Name = "kind")] DeadlineKind? kind,
                [FromQuery(Name = "account")] PenaltyAccount? account,
                [FromQuery(Name = "waived")] string? waived,
                [FromQuery(Name = "createdFrom")] string? createdFrom,
                [FromQuery(Name = "createdTo")] string? createdTo,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                PenaltyQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.PenaltiesAsync(
                new LedgerFilter(supplierId, requestId, requestNumber, kind, account, QueryValues.Flag(waived, "waived"), QueryValues.Instant(createdFrom, "createdFrom"), QueryValues.Instant(createdTo, "createdTo")),
                pageSize, after, ct)))
            .WithSummary("违约金 Penalties of breached deadlines the caller pays, is owed, or (platform) all (R-PEN-1..3)")
            .WithDescription("Each line names its request, breach, deadline kind, rule and arithmetic. " + filters);
        penalties.MapPost("/{id:guid}/waive", async (Guid id, WaivePenalty.Command command, WaivePenalty useCase, PenaltyQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.LineAsync(await useCase.HandleAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("免除违约金 Waive a penalty with a reason (R-PEN-3)")
            .WithDescription("Platform operator or admin (penalties.waive); body { \"reason\": \"…\" } is required. The line stays, marked waived with who and why, and no longer counts in the balances; the request's timeline records it. A supplier is 403, a line the caller cannot see 404, waiving twice 409 (a retry with the same Idempotency-Key returns the first result), a deposit payment 422 R-PEN-3.");

        var ledger = api.MapGroup("/ledger").WithTags("Ledger 台账");
        ledger.MapGet("/", async (
                [FromQuery(Name = "supplierId")] Guid? supplierId,
                [FromQuery(Name = "entryKind")] LedgerEntryKind? entryKind,
                [FromQuery(Name = "requestId")] Guid? requestId,
                [FromQuery(Name = "requestNumber")] string? requestNumber,
                [FromQuery(Name = "kind")] DeadlineKind? kind,
                [FromQuery(Name = "account")] PenaltyAccount? account,
                [FromQuery(Name = "waived")] string? waived,
                [FromQuery(Name = "createdFrom")] string? createdFrom,
                [FromQuery(Name = "createdTo")] string? createdTo,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                PenaltyQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.LedgerAsync(
                new LedgerFilter(supplierId, requestId, requestNumber, kind, account, QueryValues.Flag(waived, "waived"), QueryValues.Instant(createdFrom, "createdFrom"), QueryValues.Instant(createdTo, "createdTo"), entryKind),
                pageSize, after, ct)))
            .WithSummary("台账 Penalties and deposit payments with each supplier's balances (R-PEN-1..3)")
            .WithDescription("balances: per supplier depositPaid, deducted (not waived), depositBalance (never below zero), receivable (deductions beyond the deposit), "
                + "compensationOwed to customers, internalFines, waived. Suppliers see their own, customers the compensation owed to them, the platform all. "
                + "entryKind: penalty or depositTopUp; balances follow supplierId only. " + filters);
        ledger.MapGet("/{id:guid}", async (Guid id, PenaltyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.LineAsync(id, ct)))
            .WithSummary("台账记录 One ledger line");
        ledger.MapPost("/deposits", async (RecordDeposit.Command command, RecordDeposit useCase, PenaltyQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var line = await queries.LineAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/ledger/{line.Id}", line);
            })
            .WithSummary("登记保证金缴纳 Record a supplier's deposit payment (R-PEN-2)")
            .WithDescription("Platform admin (deposits.record). Body { \"supplierId\": \"…\", \"amount\": { \"amount\": \"10000.00\", \"currency\": \"CNY\" }, \"note\": \"银行回单号…\" }; amount in CNY, positive, to the fen.");

        api.MapGet("/policies/{id:guid}/penalty-preview", async (
                Guid id,
                [FromQuery(Name = "kind")] DeadlineKind? kind,
                [FromQuery(Name = "orderAmount")] string? orderAmount,
                [FromQuery(Name = "late")] string? late,
                PenaltyQueries queries,
                CancellationToken ct) => TypedResults.Ok(await queries.PreviewAsync(id, kind, orderAmount, late, ct)))
            .WithTags("Policies 售后政策")
            .WithSummary("违约金试算 What the policy's rules charge for a deadline kind met late (R-PEN-1, R-PEN-2, R-EXE-8)")
            .WithDescription("?kind=receive&orderAmount=386000.00&late=P7D — late is an ISO-8601 duration (P7D, PT25H, P1DT2H). Every rule of the policy that charges the kind, with its amount and arithmetic, and the total. A bad parameter is 400 naming it; an unknown policy 404.");
        return api;
    }
}
