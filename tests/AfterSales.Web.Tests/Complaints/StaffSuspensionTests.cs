using System.Net;
using System.Text.Json;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Complaints;

/// <summary>
/// 停岗待培训 (R-CMP-1, seed 001 §(五)): an engineer a verified complaint found at fault is suspended by the platform or
/// the supplier's manager; the engineer may then neither start nor complete a service (422 naming R-CMP-1) until the
/// retraining is recorded, which lifts the suspension. Both are audited.
/// </summary>
public sealed class StaffSuspensionTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_suspended_engineer_cannot_start_or_complete_a_service_until_retrained()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var engineerClient = await App.ClientForAsync("supplier.engineer");
        var engineer = await engineerClient.MeAsync();
        var manager = await App.ClientForAsync("supplier.manager");
        var complaint = await FaultAsync(request.Id, engineer.Id);

        var suspended = await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = complaint, reason = "服务态度差，客户投诉属实" }))
            .ReadAsync<StaffSuspensionStatus>();
        Assert.True(suspended.Suspended);
        Assert.Equal(("周杰", complaint), (suspended.Suspensions[0].SuspendedBy, suspended.Suspensions[0].ComplaintId));

        var refusal = await (await engineerClient.PostJsonAsync($"/api/v1/service-requests/{request.Id}/startService", new { note = "已到达现场" })).NamesRuleAsync("R-CMP-1");
        Assert.Contains("停岗待培训", refusal.GetProperty("detail").GetString());
        Assert.Equal(ServiceRequestStatus.Planned, (await engineerClient.ViewAsync(request.Id)).Status);

        // Suspended twice is refused; a retraining with a missing course names the field and lifts nothing.
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = complaint, reason = "再次" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/retraining", new { trainedOn = "2026-11-23", trainer = "周杰" })).NamesFieldAsync("course");
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/retraining", new { trainedOn = "2026-11-30", course = "服务礼仪", trainer = "周杰" })).NamesFieldAsync("trainedOn");
        Assert.True((await manager.GetAsync<StaffSuspensionStatus>($"/api/v1/staff/{engineer.Id}/suspension")).Suspended);

        var lifted = await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/retraining", new { trainedOn = "2026-11-23", course = "服务礼仪与沟通技巧", trainer = "周杰" }))
            .ReadAsync<StaffSuspensionStatus>();
        Assert.False(lifted.Suspended);
        Assert.Equal((new DateOnly(2026, 11, 23), "服务礼仪与沟通技巧", "周杰"), (lifted.Suspensions[0].TrainedOn, lifted.Suspensions[0].Course, lifted.Suspensions[0].Trainer));
        Assert.Equal(ServiceRequestStatus.InService, (await engineerClient.ActAsync(request.Id, "startService", new { note = "已到达现场" })).Status);

        // A second fault suspends again; now completing the service is refused too, until the next retraining (by the platform).
        var second = await FaultAsync(request.Id, engineer.Id);
        var platform = await App.ClientForAsync("platform");
        (await platform.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = second, reason = "再次被投诉" })).EnsureSuccessStatusCode();
        var complete = new { workDone = "更换主板", partsUsed = new[] { new { name = "主板", partNumber = "MB-850", quantity = 1 } }, result = "设备恢复正常" };
        await (await engineerClient.PostJsonAsync($"/api/v1/service-requests/{request.Id}/completeService", complete)).NamesRuleAsync("R-CMP-1");
        (await platform.PostJsonAsync($"/api/v1/staff/{engineer.Id}/retraining", new { trainedOn = "2026-11-23", course = "维修规范复训", trainer = "王敏" })).EnsureSuccessStatusCode();
        Assert.Equal(ServiceRequestStatus.PendingAcceptance, (await engineerClient.ActAsync(request.Id, "completeService", complete)).Status);

        var history = await manager.GetAsync<StaffSuspensionStatus>($"/api/v1/staff/{engineer.Id}/suspension");
        Assert.Equal(2, history.Suspensions.Count);
        Assert.All(history.Suspensions, s => Assert.False(s.Active));

        // The audit trail has the suspension and its lifting.
        var audit = await manager.GetAsync<JsonElement>("/api/v1/audit?entityType=staffSuspension");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "created");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "updated");
    }

    [Fact]
    public async Task Only_the_platform_or_the_persons_own_manager_suspends_and_only_on_a_complaint_finding_them_at_fault()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var engineer = await (await App.ClientForAsync("supplier.engineer")).MeAsync();
        var complaint = await FaultAsync(request.Id, engineer.Id);

        await (await (await App.ClientForAsync("supplier.agent")).PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = complaint, reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("customer")).PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = complaint, reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier2.agent")).GetAsync($"/api/v1/staff/{engineer.Id}/suspension", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var manager = await App.ClientForAsync("supplier.manager");
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { reason = "x" })).NamesFieldAsync("complaintId");
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = complaint })).NamesFieldAsync("reason");

        // A complaint found to be product quality does not suspend anyone.
        var quality = (await (await App.ClientForAsync("customer")).FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "主板又坏了"))).Complaint.Id;
        await (await App.ClientForAsync("platform")).ComplaintActAsync(quality, "verify", new { responsibility = "productQuality" });
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/suspension", new { complaintId = quality, reason = "x" })).NamesRuleAsync("R-CMP-1");
        Assert.False((await manager.GetAsync<StaffSuspensionStatus>($"/api/v1/staff/{engineer.Id}/suspension")).Suspended);

        // No suspension, no retraining to record.
        await (await manager.PostJsonAsync($"/api/v1/staff/{engineer.Id}/retraining", new { trainedOn = "2026-11-23", course = "c", trainer = "t" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    // A complaint about the request, verified by the platform as staff service with the engineer at fault.
    private async Task<Guid> FaultAsync(Guid requestId, Guid engineerId)
    {
        var filed = await (await App.ClientForAsync("customer")).FileAsync(ComplaintCalls.AboutRequest(requestId));
        await (await App.ClientForAsync("platform")).ComplaintActAsync(filed.Complaint.Id, "verify", new { responsibility = "staffService", staffUserId = engineerId });
        return filed.Complaint.Id;
    }
}
