using System.Net;
using System.Text.Json;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Penalties;

/// <summary>
/// What the penalty tests share: a request of the demo customer left pending receipt under preset 000 (receive
/// within 2 hours, R-PEN-2 500 from the deposit at the breach, R-PEN-1 0.1 % of the order per day late when it closes),
/// moving the clock past its deadline, and reading the penalty list and the ledger to the end.
/// </summary>
internal static class PenaltyCalls
{
    /// <summary>The demo order PO-2026-0001: 386,000.00 + 2 × 12,500.00 + 2,000.00.</summary>
    public const string OrderAmount = "413000.00";

    /// <summary>A technical-support request (no certificate needed) of the demo customer, pending receipt at 华东精密.</summary>
    public static async Task<ServiceRequestView> PendingReceiptAsync(this AfterSalesApp app)
    {
        var customer = await app.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        return created;
    }

    public static DateTimeOffset ReceiveDueAt(this ServiceRequestView request) => request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).DueAt;

    /// <summary>Moves the clock to <paramref name="late"/> past the request's receive deadline.</summary>
    public static void MoveToLate(this AfterSalesApp app, ServiceRequestView request, TimeSpan late)
    {
        var target = request.ReceiveDueAt() + late;
        var now = app.Clock.GetUtcNow();
        Assert.True(target > now, $"The clock ({now:O}) is already past {target:O}.");
        app.Clock.Advance(target - now);
    }

    /// <summary>A request pending receipt whose receive deadline the monitor recorded as breached (one 500.00 deposit line).</summary>
    public static async Task<ServiceRequestView> BreachedAsync(this AfterSalesApp app)
    {
        var request = await app.PendingReceiptAsync();
        app.MoveToLate(request, TimeSpan.FromMinutes(1));
        await app.Monitor.RunOnceAsync(TestContext.Current.CancellationToken);
        return request;
    }

    public static async Task<List<LedgerRow>> PenaltiesAsync(this HttpClient client, string query = "")
    {
        var rows = new List<LedgerRow>();
        string? next = null;
        do
        {
            var page = await client.GetAsync<Page<LedgerRow>>($"/api/v1/penalties?page[size]=200{query}" + (next is null ? string.Empty : $"&page[after]={next}"));
            rows.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return rows;
    }

    public static Task<List<LedgerRow>> PenaltiesOfAsync(this HttpClient client, Guid requestId) => client.PenaltiesAsync($"&requestId={requestId}");

    public static Task<LedgerPage> LedgerAsync(this HttpClient client, string query = "") =>
        client.GetAsync<LedgerPage>($"/api/v1/ledger?page[size]=200{query}");

    public static async Task<Guid> OrganizationIdAsync(this HttpClient client) =>
        (await client.GetAsync<JsonElement>("/api/v1/me")).GetProperty("organization").GetProperty("id").GetGuid();

    public static async Task<SupplierBalance> BalanceAsync(this HttpClient client, Guid supplierId) =>
        Assert.Single((await client.LedgerAsync($"&supplierId={supplierId}")).Balances);

    public static string Escape(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
}
