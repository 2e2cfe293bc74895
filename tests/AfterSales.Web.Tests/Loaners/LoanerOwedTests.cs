using AfterSales.Domain.Loaners;
using AfterSales.Web.Features.Loaners;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using AfterSales.Web.Tests.Policies;
using Xunit;

namespace AfterSales.Web.Tests.Loaners;

/// <summary>
/// Seed 004 (R-EXE-7): a critical (一级) fault not fixed within 4 h owes an equivalent loaner. The request then shows
/// "应提供备用机" with the time owed since, the pool lists it among the requests owed a loaner, and issuing one clears it.
/// </summary>
public sealed class LoanerOwedTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_critical_fault_not_fixed_in_four_hours_is_owed_a_loaner_until_one_is_issued()
    {
        var admin = await App.ClientForAsync("admin");
        var supplier = await App.OrganizationOfAsync("supplier.agent");
        var current = await admin.CurrentAsync(supplier);
        await App.PutInForceAsync(("supplier.manager", null, current.Figures.WithEveryKind(), "备用机测试政策"));

        var filed = await new RequestFlow(App).CreateAsync(body: new
        {
            orderNumber = "PO-2026-0001", assetSerial = "EQ-0001", type = "warrantyRepair", symptom = "主轴不转，整线停产", impact = "导致生产线停工",
            requestedResolution = "onSite", urgency = "urgent", contact = new { name = "张工", phone = "13800000000" }, faultLevel = "major", serviceLevel = "A",
        });
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(filed.Id, "receive", new { note = "一级故障" });
        await agent.ActAsync(filed.Id, "judge", new
        {
            responsibility = "quality", outcome = "inWarranty", analysis = "主轴驱动器损坏",
            plan = new { mode = "onSite", scheduledAt = App.Clock.GetUtcNow().AddHours(1), staff = new[] { "孙浩" }, steps = "更换驱动器" },
        });
        Assert.Null((await agent.RequestLoanersAsync(filed.Id)).LoanerOwedSince);

        App.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        for (var pass = 0; pass < 20 && (await App.Monitor.RunOnceAsync(Ct)).Total > 0; pass++)
        {
        }

        agent = await App.ClientForAsync("supplier.agent");
        var owed = await agent.RequestLoanersAsync(filed.Id);
        Assert.True(owed.Owed);
        Assert.NotNull(owed.LoanerOwedSince);
        Assert.True(owed.CanIssue);
        Assert.Equal("BYJ-001", owed.Suggestions[0].AssetTag);
        var listed = Assert.Single(await agent.GetAsync<List<OwedLoaner>>("/api/v1/loaners/owed"), o => o.RequestId == filed.Id);
        Assert.Equal((filed.Number, owed.LoanerOwedSince!.Value), (listed.RequestNumber, listed.OwedSince));

        // The customer sees that a loaner is owed on its own request too.
        Assert.True((await (await App.ClientForAsync("customer")).RequestLoanersAsync(filed.Id)).Owed);

        var issued = await (await agent.IssueLoanerAsync(owed.Suggestions[0].Id, filed.Id)).ReadAsync<LoanerView>();
        Assert.Equal(LoanerLocation.InTransit, issued.Unit.Location);
        var after = await agent.RequestLoanersAsync(filed.Id);
        Assert.Equal((false, owed.LoanerOwedSince), (after.Owed, after.LoanerOwedSince));
        Assert.DoesNotContain(await agent.GetAsync<List<OwedLoaner>>("/api/v1/loaners/owed"), o => o.RequestId == filed.Id);
    }
}
