using System.Net;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Penalties;

/// <summary>
/// 保证金 (R-PEN-2): a platform admin records a supplier's deposit payments; late-response penalties are deducted from
/// it. The balance never goes below zero — a shortfall is a receivable — and a waived penalty no longer counts.
/// Only the one test here charges 华东精密, so its balances are exact; the others use the second supplier.
/// </summary>
public sealed class RecordDepositTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_10000_deposit_after_a_500_deduction_leaves_9500_and_a_waiver_gives_the_500_back()
    {
        var request = await App.BreachedAsync();
        var admin = await App.ClientForAsync("admin");
        var supplierId = request.Supplier.Id;
        var owing = await admin.BalanceAsync(supplierId);
        Assert.Equal(("0.00", "500.00", "0.00", "500.00"), (owing.DepositPaid.AmountText, owing.Deducted.AmountText, owing.DepositBalance.AmountText, owing.Receivable.AmountText));

        var deposit = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount = new { amount = "10000.00", currency = "CNY" }, note = "2026 年度保证金，银行回单 B-001" }))
            .ReadAsync<LedgerRow>(HttpStatusCode.Created);

        Assert.Equal((LedgerEntryKind.DepositTopUp, "10000.00", "李强", supplierId), (deposit.Kind, deposit.Amount.AmountText, deposit.CreatedBy, deposit.SupplierId));
        var paid = await admin.BalanceAsync(supplierId);
        Assert.Equal(("10000.00", "500.00", "9500.00", "0.00"), (paid.DepositPaid.AmountText, paid.Deducted.AmountText, paid.DepositBalance.AmountText, paid.Receivable.AmountText));
        Assert.Equal("华东精密机械有限公司", paid.SupplierName);
        var supplier = await App.ClientForAsync("supplier.manager");
        Assert.Equal("9500.00", (await supplier.BalanceAsync(supplierId)).DepositBalance.AmountText);
        var supplierLedger = await supplier.LedgerAsync();
        Assert.Contains(supplierLedger.Items, l => l.Id == deposit.Id);
        Assert.Equal(supplierId, Assert.Single(supplierLedger.Balances).SupplierId);

        var line = Assert.Single(await admin.PenaltiesOfAsync(request.Id));
        (await admin.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = "系统故障导致受理超时" })).EnsureSuccessStatusCode();

        var waived = await admin.BalanceAsync(supplierId);
        Assert.Equal(("10000.00", "0.00", "10000.00", "500.00"), (waived.DepositPaid.AmountText, waived.Deducted.AmountText, waived.DepositBalance.AmountText, waived.Waived.AmountText));
    }

    [Fact]
    public async Task The_ledger_lists_deposit_payments_and_penalties_and_filters_by_entry_kind()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await (await App.ClientForAsync("supplier2.agent")).OrganizationIdAsync();
        var deposit = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount = new { amount = "3000.50", currency = "CNY" }, note = "首期保证金" }))
            .ReadAsync<LedgerRow>(HttpStatusCode.Created);

        var deposits = await admin.LedgerAsync($"&supplierId={supplierId}&entryKind=depositTopUp");
        Assert.Contains(deposits.Items, l => l.Id == deposit.Id);
        Assert.All(deposits.Items, l => Assert.Equal(LedgerEntryKind.DepositTopUp, l.Kind));
        Assert.Empty((await admin.LedgerAsync($"&supplierId={supplierId}&entryKind=penalty")).Items);
        Assert.DoesNotContain(await admin.PenaltiesAsync(), l => l.Id == deposit.Id);
        Assert.Equal(deposit, await admin.GetAsync<LedgerRow>($"/api/v1/ledger/{deposit.Id}"));

        Assert.Contains((await (await App.ClientForAsync("supplier2.agent")).LedgerAsync()).Items, l => l.Id == deposit.Id);
        Assert.DoesNotContain((await (await App.ClientForAsync("supplier.agent")).LedgerAsync()).Items, l => l.Id == deposit.Id);
        Assert.DoesNotContain((await (await App.ClientForAsync("customer")).LedgerAsync()).Items, l => l.Id == deposit.Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_records_one_deposit()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await (await App.ClientForAsync("supplier2.agent")).OrganizationIdAsync();
        var body = new { supplierId, amount = new { amount = "1200.00", currency = "CNY" }, note = "补缴保证金 B-7" };
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "deposit-b7" };

        var first = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", body, headers)).ReadAsync<LedgerRow>(HttpStatusCode.Created);
        var again = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", body, headers)).ReadAsync<LedgerRow>(HttpStatusCode.Created);

        Assert.Equal(first.Id, again.Id);
        Assert.Single((await admin.LedgerAsync($"&supplierId={supplierId}&entryKind=depositTopUp")).Items, l => l.Explanation == "补缴保证金 B-7");
    }

    [Theory]
    [InlineData("supplier.manager")]
    [InlineData("customer")]
    [InlineData("platform")]
    public async Task Only_a_platform_admin_records_deposits(string user)
    {
        var client = await App.ClientForAsync(user);
        var supplierId = await (await App.ClientForAsync("supplier.agent")).OrganizationIdAsync();

        await (await client.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount = new { amount = "100.00", currency = "CNY" }, note = "自行登记" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("0.00", "CNY", "amount")]
    [InlineData("-5.00", "CNY", "amount")]
    [InlineData("10.005", "CNY", "amount")]
    [InlineData("100.00", "USD", "amount.currency")]
    public async Task A_bad_amount_is_400_naming_the_field(string amount, string currency, string field)
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await (await App.ClientForAsync("supplier2.agent")).OrganizationIdAsync();

        var problem = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount = new { amount, currency }, note = "测试" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_deposit_names_a_supplier_and_carries_a_note()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await (await App.ClientForAsync("customer")).OrganizationIdAsync();
        var supplierId = await (await App.ClientForAsync("supplier2.agent")).OrganizationIdAsync();
        var amount = new { amount = "100.00", currency = "CNY" };

        var notSupplier = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId = customerId, amount, note = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        var noNote = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount, note = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(notSupplier.GetProperty("errors").TryGetProperty("supplierId", out _), notSupplier.ToString());
        Assert.True(noNote.GetProperty("errors").TryGetProperty("note", out _), noNote.ToString());
    }
}
