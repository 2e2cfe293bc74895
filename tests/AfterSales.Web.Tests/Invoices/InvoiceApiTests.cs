using System.Net;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Invoices;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Invoices;

/// <summary>
/// Issue 4 item 6 (R-FEE-1) through the API: accepting paid work issues the invoice; payments, over-payment,
/// void, isolation; late-payment charges per overdue day to the fen, exactly once; waiver as a reversing entry.
/// </summary>
public sealed class InvoiceApiTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Accepting_paid_work_issues_an_invoice_from_the_quote_with_tax_to_the_fen_and_a_due_date_30_days_on()
    {
        var request = await AcceptedPaidRequestAsync();
        var customer = await App.ClientForAsync("customer");

        var invoice = await customer.GetAsync<InvoiceView>($"/api/v1/service-requests/{request.Id}/invoice");

        Assert.Matches($@"^INV-{Domain.Common.ServiceZone.DateOf(invoice.IssuedAt).Year}-\d{{6}}$", invoice.Number);
        Assert.Equal(request.Number, invoice.RequestNumber);
        Assert.Equal(InvoiceStatus.Unpaid, invoice.Status);
        var line = Assert.Single(invoice.Lines);
        Assert.Equal("外壳", line.Description);
        // 800.00 incl. 13 % VAT: net 800 / 1.13 = 707.9646 → 707.96, tax 92.04.
        Assert.Equal(13m, invoice.TaxRatePercent);
        Assert.Equal(Domain.Money.Money.Yuan(707.96m), invoice.NetAmount);
        Assert.Equal(Domain.Money.Money.Yuan(92.04m), invoice.TaxAmount);
        Assert.Equal(Domain.Money.Money.Yuan(800m), invoice.Total);
        Assert.Equal(Domain.Money.Money.Yuan(800m), invoice.Outstanding);
        Assert.Equal(Domain.Common.ServiceZone.DateOf(invoice.AcceptedAt).AddDays(30), invoice.DueDate);
        Assert.Equal(0.05m, invoice.LatePaymentPercentPerDay);
        Assert.Empty(invoice.AllowedActions);

        var byId = await customer.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal(invoice.Number, byId.Number);
        var detail = await customer.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}");
        Assert.Contains(detail.Timeline, t => t.Action == "invoiceIssued" && t.Note!.Contains(invoice.Number, StringComparison.Ordinal));
        var supplier = await App.ClientForAsync("supplier.agent");
        var ofSupplier = await supplier.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal([InvoiceQueries.RecordPaymentAction, InvoiceQueries.VoidAction], ofSupplier.AllowedActions);
    }

    [Fact]
    public async Task Work_under_warranty_is_not_invoiced()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Accepted);
        var customer = await App.ClientForAsync("customer");

        var problem = await (await customer.GetAsync($"/api/v1/service-requests/{request.Id}/invoice", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("发票", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supplier_records_part_and_full_payments_and_over_payment_is_refused()
    {
        var invoice = await InvoiceAsync();
        var supplier = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");

        var partly = await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("300.00", "HX-001"))).ReadAsync<InvoiceView>();
        Assert.Equal(InvoiceStatus.PartiallyPaid, partly.Status);
        Assert.Equal(Domain.Money.Money.Yuan(500m), partly.Outstanding);
        Assert.Equal("HX-001", Assert.Single(partly.Payments).Reference);

        var over = await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("500.01"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("超过未付金额", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("0.001"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { method = "现金" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("500.00"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "开错" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single((await customer.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}")).Payments);

        var paid = await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("500.00"))).ReadAsync<InvoiceView>();
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(Domain.Money.Money.Yuan(800m), paid.PaidAmount);
        Assert.Equal(Domain.Money.Money.Zero(), paid.Outstanding);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("0.01"))).ProblemAsync(HttpStatusCode.Conflict);

        var timeline = (await customer.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{invoice.RequestId}")).Timeline;
        Assert.Equal(2, timeline.Count(t => t.Action == "invoicePayment"));
    }

    [Fact]
    public async Task The_supplier_voids_an_invoice_with_a_reason_and_nothing_more_is_recorded_on_it()
    {
        var invoice = await InvoiceAsync();
        var supplier = await App.ClientForAsync("supplier.agent");

        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await (await App.ClientForAsync("supplier.engineer")).PostJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "报价有误" })).ProblemAsync(HttpStatusCode.Forbidden);
        var voided = await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "报价有误，重新开具" })).ReadAsync<InvoiceView>();

        Assert.Equal(InvoiceStatus.Void, voided.Status);
        Assert.Equal("报价有误，重新开具", voided.VoidReason);
        Assert.Equal(Domain.Money.Money.Zero(), voided.Outstanding);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("1.00"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "再作废" })).ProblemAsync(HttpStatusCode.Conflict);
        var page = await supplier.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?status=void");
        Assert.Contains(page.Items, i => i.Id == invoice.Id);
    }

    [Fact]
    public async Task Another_customer_or_supplier_gets_404_and_the_platform_sees_every_invoice()
    {
        var invoice = await InvoiceAsync();

        foreach (var outsider in new[] { "customer2", "supplier2.agent" })
        {
            var client = await App.ClientForAsync(outsider);
            await (await client.GetAsync($"/api/v1/invoices/{invoice.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/service-requests/{invoice.RequestId}/invoice", Ct)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("1.00"))).ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain((await client.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices")).Items, i => i.Id == invoice.Id);
        }

        var platform = await App.ClientForAsync("platform");
        Assert.Contains((await platform.GetAsync<Page<InvoiceListItem>>($"/api/v1/invoices?search={invoice.Number}")).Items, i => i.Id == invoice.Id);
        var customer = await App.ClientForAsync("customer");
        Assert.Contains((await customer.GetAsync<Page<InvoiceListItem>>($"/api/v1/invoices?search={invoice.RequestNumber}")).Items, i => i.Id == invoice.Id);
        Assert.Empty((await customer.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?search=INV-1999")).Items);
        await (await customer.GetAsync("/api/v1/invoices?status=late", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.GetAsync("/api/v1/invoices?overdue=maybe", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Overdue_invoices_are_charged_0_05_percent_of_the_outstanding_amount_per_day_exactly_once()
    {
        var invoice = await InvoiceAsync();
        var accrual = App.Services.GetRequiredService<LatePaymentAccrual>();
        var customer = await App.ClientForAsync("customer");

        // Nothing on the due date itself.
        var due = invoice.DueDate;
        MoveTo(due, 23);
        await accrual.RunOnceAsync(Ct);
        customer = await App.ClientForAsync("customer");
        var onDueDate = await customer.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal(InvoiceStatus.Unpaid, onDueDate.Status);
        Assert.Empty(onDueDate.LateCharges);

        // Day 1 overdue: 800.00 × 0.05 % = 0.40; two workers at once and a third pass still book it once.
        MoveTo(due.AddDays(1), 0, 30);
        await Task.WhenAll(accrual.RunOnceAsync(Ct), accrual.RunOnceAsync(Ct));
        await accrual.RunOnceAsync(Ct);
        customer = await App.ClientForAsync("customer");
        var supplier = await App.ClientForAsync("supplier.agent");
        var overdue = await customer.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal(InvoiceStatus.Overdue, overdue.Status);
        Assert.Equal(1, overdue.DaysOverdue);
        Assert.Equal(Domain.Money.Money.Yuan(0.40m), Assert.Single(overdue.LateCharges).Amount);
        Assert.Contains((await customer.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?status=overdue")).Items, i => i.Id == invoice.Id);
        Assert.DoesNotContain((await customer.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?overdue=false")).Items, i => i.Id == invoice.Id);

        // A payment of 300.55 on day 1 leaves 499.45 for day 2: 0.249725 → 0.25. The worker was down for day 2 and
        // day 3; on day 3 it catches up with both days, once.
        await (await supplier.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", Payment("300.55"))).ReadAsync<InvoiceView>();
        MoveTo(due.AddDays(3), 8);
        await accrual.RunOnceAsync(Ct);
        await accrual.RunOnceAsync(Ct);

        customer = await App.ClientForAsync("customer");
        var charged = await customer.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal([due.AddDays(1), due.AddDays(2), due.AddDays(3)], charged.LateCharges.Select(c => c.ChargeDate));
        Assert.Equal([0.40m, 0.25m, 0.25m], charged.LateCharges.Select(c => c.Amount.Amount));
        Assert.Equal(Domain.Money.Money.Yuan(0.90m), charged.LateChargesTotal);

        // The charges are ledger lines of the customer, owed to the supplier.
        var ledger = await customer.GetAsync<LedgerPage>($"/api/v1/ledger?entryKind=latePaymentCharge&requestId={invoice.RequestId}");
        Assert.Equal(3, ledger.Items.Count);
        Assert.All(ledger.Items, l => Assert.Equal(PenaltyAccount.CustomerLatePayment, l.Account));
    }

    [Fact]
    public async Task A_platform_operator_waives_a_charge_as_a_reversing_entry_and_the_charge_stays()
    {
        var invoice = await InvoiceAsync();
        var accrual = App.Services.GetRequiredService<LatePaymentAccrual>();
        MoveTo(invoice.DueDate.AddDays(2), 10);
        await accrual.RunOnceAsync(Ct);
        var platform = await App.ClientForAsync("platform");
        var supplier = await App.ClientForAsync("supplier.agent");
        var charges = (await platform.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}")).LateCharges;
        Assert.Equal(2, charges.Count);
        var first = charges[0];
        var url = $"/api/v1/invoices/{invoice.Id}/late-charges/{first.Id}/waive";

        await (await supplier.PostJsonAsync(url, new { reason = "客户申请" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.PostJsonAsync(url, new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        var waived = await (await platform.PostJsonAsync(url, new { reason = "银行系统故障导致延迟到账" })).ReadAsync<InvoiceView>();
        await (await platform.PostJsonAsync(url, new { reason = "再免一次" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await platform.PostJsonAsync($"/api/v1/invoices/{invoice.Id}/late-charges/{Guid.NewGuid()}/waive", new { reason = "无" })).ProblemAsync(HttpStatusCode.NotFound);

        var charge = waived.LateCharges.Single(c => c.Id == first.Id);
        Assert.True(charge.Waived);
        Assert.Equal(Domain.Money.Money.Yuan(0.40m), charge.Amount);
        Assert.Equal("银行系统故障导致延迟到账", charge.WaiverReason);
        Assert.Equal(Domain.Money.Money.Yuan(0.40m), waived.LateChargesTotal);

        var lines = (await platform.GetAsync<LedgerPage>($"/api/v1/ledger?requestId={invoice.RequestId}")).Items;
        var reversal = Assert.Single(lines, l => l.Kind == LedgerEntryKind.LatePaymentChargeReversal);
        Assert.Equal(Domain.Money.Money.Yuan(-0.40m), reversal.Amount);
        var original = Assert.Single(lines, l => l.Id == first.Id);
        Assert.Equal(Domain.Money.Money.Yuan(0.40m), original.Amount);
        Assert.False(original.Waived);
        var timeline = (await platform.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{invoice.RequestId}")).Timeline;
        Assert.Contains(timeline, t => t.Action == "lateChargeWaived");

        // A day later the waived day is not charged again; the new day is.
        MoveTo(invoice.DueDate.AddDays(3), 10);
        await accrual.RunOnceAsync(Ct);
        platform = await App.ClientForAsync("platform");
        var later = await platform.GetAsync<InvoiceView>($"/api/v1/invoices/{invoice.Id}");
        Assert.Equal(3, later.LateCharges.Count);
        Assert.Single(later.LateCharges, c => c.Waived);
    }

    [Fact]
    public async Task The_list_pages_newest_first_and_filters_by_status()
    {
        // Invoices issued in the same instant are ordered by id; a minute apart these two are the newest, in order.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await InvoiceAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await InvoiceAsync();
        var platform = await App.ClientForAsync("platform");

        var all = await platform.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices");
        var page1 = await platform.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?page[size]=1");
        Assert.True(second.Id == Assert.Single(page1.Items).Id,
            $"second {second.Number} {second.IssuedAt:O}; list: {string.Join("; ", all.Items.Select(i => $"{i.Number} {i.IssuedAt:O} {i.Id}"))}");
        Assert.NotNull(page1.Next);
        var page2 = await platform.GetAsync<Page<InvoiceListItem>>($"/api/v1/invoices?page[size]=1&page[after]={page1.Next}");
        Assert.Equal(first.Id, Assert.Single(page2.Items).Id);
        Assert.Contains((await platform.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?status=unpaid")).Items, i => i.Id == first.Id);
        Assert.DoesNotContain((await platform.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?status=paid")).Items, i => i.Id == first.Id);
    }

    [Fact]
    public async Task The_demo_has_a_paid_repair_of_customer2_invoiced_part_paid_and_overdue()
    {
        var customer2 = await App.ClientForAsync("customer2");

        var demo = Assert.Single((await customer2.GetAsync<Page<InvoiceListItem>>("/api/v1/invoices?overdue=true")).Items, i => i.Total == Domain.Money.Money.Yuan(5600m));
        Assert.Equal(InvoiceStatus.Overdue, demo.Status);
        Assert.Equal(Domain.Money.Money.Yuan(3600m), demo.Outstanding);
        var request = await customer2.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{demo.RequestId}");
        Assert.Equal(ServiceRequestStatus.Closed, request.Status);
        Assert.All(request.Deadlines, d => Assert.NotEqual(Domain.Deadlines.DeadlineState.Running, d.State));
        await (await (await App.ClientForAsync("customer")).GetAsync($"/api/v1/invoices/{demo.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private void MoveTo(DateOnly date, int hour, int minute = 0)
    {
        var target = Domain.Common.ServiceZone.At(date, new TimeOnly(hour, minute));
        Assert.True(target >= App.Clock.GetUtcNow(), "The test clock only moves forward.");
        App.Clock.SetUtcNow(target);
    }

    private static object Payment(string amount, string? reference = null) =>
        new { amount = new { amount, currency = "CNY" }, method = "银行转账", reference };

    private async Task<InvoiceView> InvoiceAsync()
    {
        var request = await AcceptedPaidRequestAsync();
        return await (await App.ClientForAsync("customer")).GetAsync<InvoiceView>($"/api/v1/service-requests/{request.Id}/invoice");
    }

    /// <summary>A paid request (quote 外壳 800.00, preset 000) confirmed, done and accepted by the customer on 2026-11-23.</summary>
    private async Task<ServiceRequestView> AcceptedPaidRequestAsync()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var customer = await App.ClientForAsync("customer");
        await agent.ActAsync(request.Id, "judge", ServiceRequestPathsTests.PaidJudgement());
        await customer.ActAsync(request.Id, "acceptQuote");
        await engineer.ActAsync(request.Id, "startService", new { note = "已到达现场" });
        await engineer.ActAsync(request.Id, "completeService", new { workDone = "更换外壳", partsUsed = Array.Empty<object>(), result = "外观恢复" });
        var accepted = await customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 5, expertise = 5, attitude = 5 }, comment = "满意" });
        Assert.Equal(ServiceRequestStatus.Accepted, accepted.Status);
        return accepted;
    }
}
