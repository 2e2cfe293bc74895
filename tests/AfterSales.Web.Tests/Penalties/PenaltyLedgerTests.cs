using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Http;
using AfterSales.Web.Jobs;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Penalties;

/// <summary>
/// The money a breach costs (R-PEN-1..3) over the real app: preset 000 charges 500.00 from the supplier's deposit
/// when a receive deadline is breached and 0.1 % of the order amount per started day late when it is finally met —
/// each once, whoever runs the monitor how often — and each line is seen by the one who pays it, the one it is owed
/// to and the platform, by nobody else.
/// </summary>
public sealed class PenaltyLedgerTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_request_left_pending_receipt_past_two_hours_costs_the_supplier_500_from_its_deposit_once()
    {
        var request = await App.PendingReceiptAsync();
        App.MoveToLate(request, TimeSpan.FromMinutes(1));

        await App.Monitor.RunOnceAsync(Ct);
        await App.Monitor.RunOnceAsync(Ct);

        var line = Assert.Single(await (await App.ClientForAsync("platform")).PenaltiesOfAsync(request.Id));
        Assert.Equal(("500.00", "CNY"), (line.Amount.AmountText, line.Amount.Currency));
        Assert.Equal((LedgerEntryKind.Penalty, PenaltyAccount.SupplierDeposit), (line.Kind, line.Account));
        Assert.Equal(("late-response-deposit", "R-PEN-2"), (line.RuleCode, line.RuleId));
        Assert.Equal((DeadlineKind.Receive, "受理"), (line.DeadlineKind, line.DeadlineKindLabel));
        Assert.Equal((request.Number, request.Supplier.Id, "华东精密机械有限公司"), (line.RequestNumber, line.SupplierId, line.SupplierName));
        Assert.NotNull(line.BreachId);
        Assert.Contains("500.00", line.Explanation);
        Assert.False(line.Waived);
        Assert.Null(line.CounterpartyId);
    }

    [Fact]
    public async Task Receiving_25_hours_late_adds_826_compensation_owed_to_the_customer()
    {
        var platform = await App.ClientForAsync("platform");
        var order = await platform.GetAsync<OrderView>("/api/v1/orders/PO-2026-0001");
        Assert.Equal(PenaltyCalls.OrderAmount, order.Amount.AmountText);
        var request = await App.BreachedAsync();

        App.MoveToLate(request, TimeSpan.FromHours(25));
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "迟到受理" });
        await App.Monitor.RunOnceAsync(Ct);

        var lines = await (await App.ClientForAsync("platform")).PenaltiesOfAsync(request.Id);
        Assert.Equal(2, lines.Count);
        var compensation = Assert.Single(lines, l => l.Account == PenaltyAccount.CustomerCompensation);
        Assert.Equal("826.00", compensation.Amount.AmountText);
        Assert.Equal(("late-per-day-compensation", "R-PEN-1"), (compensation.RuleCode, compensation.RuleId));
        Assert.Equal(request.Customer.Id, compensation.CounterpartyId);
        Assert.Equal("苏州恒达制造有限公司", compensation.CounterpartyName);
        Assert.Contains("413000.00 × 0.1% × 2 日", compensation.Explanation);
        Assert.Equal("500.00", Assert.Single(lines, l => l.Account == PenaltyAccount.SupplierDeposit).Amount.AmountText);
    }

    [Fact]
    public async Task Two_monitors_running_at_once_charge_the_deposit_once()
    {
        var other = ActivatorUtilities.CreateInstance<DeadlineMonitor>(App.Services);
        for (var round = 0; round < 3; round++)
        {
            var request = await App.PendingReceiptAsync();
            App.MoveToLate(request, TimeSpan.FromMinutes(1));

            await Task.WhenAll(App.Monitor.RunOnceAsync(Ct), other.RunOnceAsync(Ct), App.Monitor.RunOnceAsync(Ct));
            await App.Monitor.RunOnceAsync(Ct);

            var lines = await (await App.ClientForAsync("platform")).PenaltiesOfAsync(request.Id);
            Assert.True(lines.Count == 1, $"round {round}: {lines.Count} penalty lines");
        }
    }

    [Fact]
    public async Task The_customer_sees_its_compensation_but_not_the_deposit_line_and_another_supplier_sees_neither()
    {
        var request = await App.BreachedAsync();
        App.MoveToLate(request, TimeSpan.FromHours(25));
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "迟到受理" });

        var customer = await App.ClientForAsync("customer");
        var seen = Assert.Single(await customer.PenaltiesOfAsync(request.Id));
        Assert.Equal((PenaltyAccount.CustomerCompensation, "826.00"), (seen.Account, seen.Amount.AmountText));
        Assert.DoesNotContain(await customer.PenaltiesAsync(), l => l.Account != PenaltyAccount.CustomerCompensation);
        var customerLedger = await customer.LedgerAsync();
        Assert.All(customerLedger.Items, l => Assert.Equal(PenaltyAccount.CustomerCompensation, l.Account));
        var owedByHuadong = Assert.Single(customerLedger.Balances);
        Assert.Equal(("0.00", "0.00"), (owedByHuadong.DepositPaid.AmountText, owedByHuadong.Deducted.AmountText));
        Assert.Equal(Sum(customerLedger.Items.Where(l => !l.Waived)), owedByHuadong.CompensationOwed.Amount);

        Assert.Equal(2, (await (await App.ClientForAsync("supplier.manager")).PenaltiesOfAsync(request.Id)).Count);
        Assert.Empty(await (await App.ClientForAsync("supplier2.agent")).PenaltiesOfAsync(request.Id));
        Assert.Empty(await (await App.ClientForAsync("customer2")).PenaltiesOfAsync(request.Id));
        Assert.Empty(await (await App.ClientForAsync("dealer")).PenaltiesOfAsync(request.Id));
        Assert.Empty((await (await App.ClientForAsync("supplier2.agent")).LedgerAsync($"&requestId={request.Id}")).Items);
    }

    [Fact]
    public async Task The_penalty_list_filters_by_request_number_kind_account_waived_and_time_and_pages_newest_first()
    {
        var request = await App.BreachedAsync();
        var charged = App.Clock.GetUtcNow();
        App.MoveToLate(request, TimeSpan.FromHours(25));
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "迟到受理" });
        var platform = await App.ClientForAsync("platform");
        var number = $"&requestNumber={request.Number}";

        Assert.Equal(2, (await platform.PenaltiesAsync(number)).Count);
        Assert.Equal(2, (await platform.PenaltiesAsync($"{number}&kind=receive")).Count);
        Assert.Empty(await platform.PenaltiesAsync($"{number}&kind=plan"));
        Assert.Equal("826.00", Assert.Single(await platform.PenaltiesAsync($"{number}&account=customerCompensation")).Amount.AmountText);
        Assert.Equal(2, (await platform.PenaltiesAsync($"{number}&waived=false")).Count);
        Assert.Empty(await platform.PenaltiesAsync($"{number}&waived=true"));
        Assert.Equal("500.00", Assert.Single(await platform.PenaltiesAsync($"{number}&createdTo={PenaltyCalls.Escape(charged.AddSeconds(1))}")).Amount.AmountText);
        Assert.Equal("826.00", Assert.Single(await platform.PenaltiesAsync($"{number}&createdFrom={PenaltyCalls.Escape(charged.AddSeconds(1))}")).Amount.AmountText);

        var first = await platform.GetAsync<Page<LedgerRow>>($"/api/v1/penalties?page[size]=1{number}");
        Assert.Equal("826.00", Assert.Single(first.Items).Amount.AmountText);
        Assert.NotNull(first.Next);
        var second = await platform.GetAsync<Page<LedgerRow>>($"/api/v1/penalties?page[size]=1{number}&page[after]={first.Next}");
        Assert.Equal("500.00", Assert.Single(second.Items).Amount.AmountText);
        Assert.Null(second.Next);
    }

    [Theory]
    [InlineData("/api/v1/penalties?waived=perhaps", "waived")]
    [InlineData("/api/v1/penalties?createdFrom=yesterday", "createdFrom")]
    [InlineData("/api/v1/penalties?createdTo=2026-11-23T09:00:00", "createdTo")]
    [InlineData("/api/v1/penalties?kind=lunch", "kind")]
    [InlineData("/api/v1/ledger?account=pocket", "account")]
    [InlineData("/api/v1/ledger?entryKind=gift", "entryKind")]
    [InlineData("/api/v1/ledger?page[size]=0", "page[size]")]
    public async Task A_bad_filter_is_400_naming_the_parameter(string url, string parameter)
    {
        var platform = await App.ClientForAsync("platform");

        var problem = await (await platform.GetAsync(url, Ct)).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static decimal Sum(IEnumerable<LedgerRow> lines) => lines.Sum(l => l.Amount.Amount);
}
