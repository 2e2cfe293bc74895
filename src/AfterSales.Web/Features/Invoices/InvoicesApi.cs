using AfterSales.Domain.Invoices;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Invoices;

/// <summary>Invoices, payments and late-payment charges under <c>/api/v1</c> (issue 4 item 6, R-FEE-1).</summary>
public static class InvoicesApi
{
    public static IServiceCollection AddInvoiceFeatures(this IServiceCollection services)
    {
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<IssueInvoice>();
        services.AddScoped<RecordInvoicePayment>();
        services.AddScoped<VoidInvoice>();
        services.AddScoped<WaiveLateCharge>();
        services.AddScoped<InvoiceDemoData>();
        services.AddSingleton<LatePaymentAccrual>();
        services.AddHostedService<LatePaymentWorker>();
        return services;
    }

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices 发票");
        invoices.MapGet("/", async (
                [FromQuery(Name = "status")] InvoiceStatus? status,
                [FromQuery(Name = "overdue")] string? overdue,
                [FromQuery(Name = "search")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                InvoiceQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(new InvoiceFilter(status, QueryValues.Flag(overdue, "overdue"), search), pageSize, after, ct)))
            .WithSummary("发票 Invoices the caller pays (customer), issued (supplier) or all (platform), newest first (R-FEE-1)")
            .WithDescription("Filters: status (unpaid, partiallyPaid, paid, overdue, void — an open invoice is overdue from the day after its due date), "
                + "overdue (true/false), search (invoice or request number). Amounts in CNY to the fen.");
        invoices.MapGet("/{id:guid}", async (Guid id, InvoiceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("发票详情 One invoice: lines with net and tax, totals, payments, late-payment charges and allowed actions");
        invoices.MapPost("/{id:guid}/payments", async (Guid id, RecordInvoicePayment.Command command, RecordInvoicePayment useCase, InvoiceQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await useCase.HandleAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("登记收款 Record a payment against an invoice (R-FEE-1)")
            .WithDescription("The issuing supplier (invoices.manage). Body { \"amount\": { \"amount\": \"1000.00\", \"currency\": \"CNY\" }, \"method\": \"银行转账\", \"reference\": \"…\" }. "
                + "Part or all of the outstanding amount; more is 422 R-FEE-1, a paid or void invoice 409, another party 403, an invoice the caller cannot see 404.");
        invoices.MapPost("/{id:guid}/void", async (Guid id, VoidInvoice.Command command, VoidInvoice useCase, InvoiceQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await useCase.HandleAsync(id, command, ct), ct)))
            .WithSummary("作废发票 Void an invoice with a reason")
            .WithDescription("The issuing supplier (invoices.manage); body { \"reason\": \"…\" } is required. Refused (422 R-FEE-1) once a payment was recorded; twice is 409.");
        invoices.MapPost("/{id:guid}/late-charges/{chargeId:guid}/waive", async (Guid id, Guid chargeId, WaiveLateCharge.Command command, WaiveLateCharge useCase, InvoiceQueries queries, CancellationToken ct) =>
            {
                await useCase.HandleAsync(id, chargeId, command, ct);
                return TypedResults.Ok(await queries.GetAsync(id, ct));
            })
            .WithSummary("免除逾期付款违约金 Waive one day's late-payment charge with a reason, as a reversing ledger entry (R-FEE-1, R-PEN-3)")
            .WithDescription("Platform operator or admin (penalties.waive); body { \"reason\": \"…\" }. The charge stays; a negative line names it. Twice is 409; others 403.");

        api.MapGet("/service-requests/{id}/invoice", async (string id, InvoiceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForRequestAsync(id, ct)))
            .WithTags("Invoices 发票")
            .WithSummary("售后单的发票 The invoice of a request (by id or number); 404 until paid work is accepted");
        return api;
    }
}
