using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Complaints;

/// <summary>
/// The 24 h verification (R-CMP-1, seed 003) shows as overdue in the ledger, and the complaint analysis (R-CMP-2) counts
/// by responsible party, month and status with the average hours to verify and to close. One test: it moves the clock.
/// </summary>
public sealed class ComplaintAnalysisTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Overdue_verification_shows_in_the_ledger_and_the_analysis_counts_and_averages()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var platform = await App.ClientForAsync("platform");
        var agent = await App.ClientForAsync("supplier.agent");
        var quick = (await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "分析一"))).Complaint.Id;
        var slow = (await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "分析二"))).Complaint.Id;
        var waiting = (await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "分析三"))).Complaint.Id;

        App.Clock.Advance(TimeSpan.FromHours(2));
        (customer, platform, agent) = (await App.ClientForAsync("customer"), await App.ClientForAsync("platform"), await App.ClientForAsync("supplier.agent"));
        await platform.ComplaintActAsync(quick, "verify", new { responsibility = "productQuality" });
        await agent.ComplaintActAsync(quick, "handle", new { notes = "更换主板", compensation = "replacement" });
        App.Clock.Advance(TimeSpan.FromHours(2));
        customer = await App.ClientForAsync("customer");
        await customer.ComplaintActAsync(quick, "close", new { satisfied = true });

        App.Clock.Advance(TimeSpan.FromHours(21));
        (customer, platform) = (await App.ClientForAsync("customer"), await App.ClientForAsync("platform"));
        var overdue = await customer.ComplaintsAsync("overdue=true");
        Assert.Equal(new[] { waiting, slow }.Order(), overdue.Items.Select(c => c.Id).Order());
        Assert.All(overdue.Items, c => Assert.True(c.VerificationOverdue));
        Assert.DoesNotContain(quick, (await customer.ComplaintsAsync("overdue=true")).Items.Select(c => c.Id));
        Assert.Contains(quick, (await customer.ComplaintsAsync("overdue=false")).Items.Select(c => c.Id));

        // Verified 25 h after filing: late, and no longer overdue.
        var late = await platform.ComplaintActAsync(slow, "verify", new { responsibility = "staffService" });
        Assert.True(late.Complaint.VerifiedLate);
        Assert.False(late.Complaint.VerificationOverdue);

        var summary = await platform.GetAsync<ComplaintSummary>($"/api/v1/complaints/summary");
        Assert.Equal((3, 1, 1), (summary.Total, summary.VerificationOverdue, summary.VerifiedLate));
        Assert.Equal(
            [("productQuality", 1), ("staffService", 1), ("customerUse", 0), ("unassigned", 1)],
            summary.ByResponsibility.Select(c => (c.Key, c.Count)));
        Assert.Equal("服务人员", summary.ByResponsibility[1].Label);
        Assert.Equal([("2026-11", 3)], summary.ByMonth.Select(c => (c.Key, c.Count)));
        Assert.Equal(1, summary.ByStatus.Single(s => s.Key == "filed").Count);
        Assert.Equal(1, summary.ByStatus.Single(s => s.Key == "verified").Count);
        Assert.Equal(1, summary.ByStatus.Single(s => s.Key == "closed").Count);
        Assert.Equal(13.5, summary.AverageHoursToVerify);
        Assert.Equal(4.0, summary.AverageHoursToClose);
        Assert.Equal((1, 0), (summary.Satisfied, summary.Unsatisfied));

        // The period filter counts what was filed in it; another customer sees none of these.
        var none = await platform.GetAsync<ComplaintSummary>($"/api/v1/complaints/summary?filedFrom={Uri.EscapeDataString(App.Clock.GetUtcNow().ToString("O"))}");
        Assert.Equal(0, none.Total);
        Assert.Equal(0, (await (await App.ClientForAsync("customer2")).GetAsync<ComplaintSummary>("/api/v1/complaints/summary")).Total);
        Assert.Equal(ComplaintStatus.Verified, (await customer.ComplaintAsync(slow)).Complaint.Status);
    }
}
