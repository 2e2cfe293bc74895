using System.Net;
using AfterSales.Domain.Loaners;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Audit;
using AfterSales.Web.Features.Loaners;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using AfterSales.Web.Tests.WorkOrders;
using Xunit;

namespace AfterSales.Web.Tests.Loaners;

/// <summary>
/// 备用机 (issue 6 §7, R-EXE-7) over HTTP: the supplier issues an equivalent loaner to the customer's site under the
/// request's 备用机 work order, records the customer's receipt, may not reclaim it before the original runs again, may not
/// archive the request while it is out, and reclaims it with a condition check; refusals are problem details, another
/// supplier gets 404, the pool is paged and filtered. Runs on SQLite here and on PostgreSQL in AfterSales.Web.Tests.Postgres.
/// </summary>
public sealed class LoanerFlowTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_loaner_is_issued_to_the_site_signed_for_kept_until_the_original_runs_and_reclaimed_back_to_the_pool()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");

        // Equivalent first (R-EXE-7): the customer's VMC-850 → BYJ-001 of the same model, then BYJ-002 of the same grade.
        var before = await agent.RequestLoanersAsync(request.Id);
        Assert.Equal(("VMC-850", false, true), (before.AssetModel, before.Owed, before.CanIssue));
        var suggestions = before.Suggestions.ToList();
        Assert.Equal(("BYJ-001", true), (suggestions[0].AssetTag, suggestions[0].SameModel));
        var sameGrade = suggestions.Single(s => s.AssetTag == "BYJ-002");
        var other = suggestions.Single(s => s.AssetTag == "BYJ-003");
        Assert.Equal((true, false, false), (sameGrade.Equivalent, sameGrade.SameModel, other.Equivalent));
        Assert.True(suggestions.IndexOf(sameGrade) < suggestions.IndexOf(other));

        var unit = await agent.DemoLoanerAsync("BYJ-001");
        var issued = await (await agent.IssueLoanerAsync(unit.Id, request.Id, "专车配送")).ReadAsync<LoanerView>();
        Assert.Equal((LoanerLocation.InTransit, request.Number, "苏州恒达制造有限公司"), (issued.Unit.Location, issued.Unit.ServiceRequestNumber, issued.Unit.CustomerName));
        Assert.Contains("星湖街", issued.Unit.SiteAddress);
        Assert.Equal(App.Clock.GetUtcNow(), issued.Unit.IssuedAt);
        var workOrder = await agent.WorkOrderAsync(issued.WorkOrderId!.Value);
        Assert.Equal((WorkOrderKind.Loaner, request.Id), (workOrder.Kind, workOrder.ServiceRequestId));
        Assert.Equal(workOrder.Number, issued.WorkOrderNumber);

        // Only an available unit is issued; the refusal names the rule and where the unit is.
        var again = await (await agent.IssueLoanerAsync(unit.Id, request.Id)).NamesRuleAsync("R-EXE-7");
        Assert.Contains("运送中", again.GetProperty("detail").GetString());

        App.Clock.Advance(TimeSpan.FromHours(2));
        agent = await App.ClientForAsync("supplier.agent");
        var delivered = await agent.LoanerActAsync(unit.Id, "deliver", new { receivedBy = "张工" });
        Assert.Equal((LoanerLocation.AtCustomer, "张工", App.Clock.GetUtcNow()), (delivered.Unit.Location, delivered.Unit.ReceivedBy, delivered.Unit.DeliveredAt!.Value));
        Assert.Single((await agent.RequestLoanersAsync(request.Id)).Out, u => u.Id == unit.Id && u.Location == LoanerLocation.AtCustomer);

        // Not before the original runs again (the service is not complete): 422, nothing changes.
        var early = await (await agent.PostJsonAsync($"/api/v1/loaners/{unit.Id}/reclaim", new { condition = "good" })).NamesRuleAsync("R-EXE-7");
        Assert.Contains("原设备尚未恢复运行", early.GetProperty("detail").GetString());
        Assert.Equal(LoanerLocation.AtCustomer, (await agent.LoanerAsync(unit.Id)).Unit.Location);

        // The loaner work order is the delivery's; once done the request completes (R-WO-1) and goes on to revisit.
        await FinishWorkOrderAsync(workOrder.Id);
        var engineer = await App.ClientForAsync("supplier.engineer");
        await engineer.ActAsync(request.Id, "completeService", WorkOrderCalls.Completion);
        await (await App.ClientForAsync("customer")).ActAsync(request.Id, "accept", new { rating = new { timeliness = 5, expertise = 5, attitude = 5 } });
        await (await App.ClientForAsync("platform")).ActAsync(request.Id, "revisit", new { channel = "phone", satisfaction = 5, notes = "客户满意" });

        // R-EXE-7: not archived while the loaner is still with the customer.
        var blocked = await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/archive", new { })).NamesRuleAsync("R-EXE-7");
        Assert.Contains("BYJ-001", blocked.GetProperty("detail").GetString());
        var status = await agent.RequestLoanersAsync(request.Id);
        Assert.True(status.OriginalBackInService);

        App.Clock.Advance(TimeSpan.FromDays(1));
        agent = await App.ClientForAsync("supplier.agent");
        var reclaimed = await agent.LoanerActAsync(unit.Id, "reclaim", new { condition = "worn", note = "外壳轻微划痕" });
        Assert.Equal((LoanerLocation.InPool, LoanerCondition.Worn, (Guid?)null), (reclaimed.Unit.Location, reclaimed.Unit.Condition, reclaimed.Unit.ServiceRequestId));
        Assert.Equal(App.Clock.GetUtcNow(), reclaimed.Unit.ReturnedAt);
        Assert.Equal(["reclaim", "deliver", "issue", "register"], reclaimed.Movements.Select(m => m.Action));
        Assert.Equal((LoanerLocation.AtCustomer, LoanerLocation.InPool, request.Number), (reclaimed.Movements[0].From!.Value, reclaimed.Movements[0].To, reclaimed.Movements[0].ServiceRequestNumber));
        Assert.Equal("赵丽", reclaimed.Movements[0].ActorName);

        // The request page keeps what was lent and returned; archiving is no longer held by the loaner.
        var after = await agent.RequestLoanersAsync(request.Id);
        Assert.Empty(after.Out);
        Assert.Contains("外壳轻微划痕", Assert.Single(after.Returned).Note);
        var archive = await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/archive", new { });
        if (!archive.IsSuccessStatusCode)
        {
            var problem = await archive.ProblemAsync(archive.StatusCode);
            Assert.NotEqual("R-EXE-7", problem.TryGetProperty("ruleId", out var rule) ? rule.GetString() : null);
        }

        // Audit trail (R-X-4): the unit's changes are recorded with who made them.
        var audit = await agent.GetAsync<Page<AuditEntryView>>($"/api/v1/audit?entityType=loanerUnit&entityId={unit.Id}");
        Assert.True(audit.Items.Count >= 3, $"{audit.Items.Count} audit entries");
        Assert.Contains(audit.Items, a => a.ActorName == "赵丽" && a.Action == "updated");
    }

    [Fact]
    public async Task Refusals_are_problem_details_and_another_supplier_sees_nothing_of_the_pool()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var agent = await App.ClientForAsync("supplier.agent");
        var unit = await agent.RegisterLoanerAsync("BYJ-T01");
        Assert.Equal((LoanerLocation.InPool, "赵丽"), (unit.Unit.Location, unit.Movements.Single().ActorName));
        await (await agent.PostJsonAsync("/api/v1/loaners", new { assetTag = "BYJ-T01", serial = "X", model = "VMC-850", name = "备用机", grade = "中型立加", poolLocation = "苏州中心仓" }))
            .NamesFieldAsync("assetTag");
        await (await agent.PostJsonAsync("/api/v1/loaners", new { assetTag = "BYJ-T02", serial = "X", model = "VMC-850", name = "备用机", poolLocation = "苏州中心仓" }))
            .NamesFieldAsync("grade");
        await (await agent.PostJsonAsync($"/api/v1/loaners/{unit.Unit.Id}/issue", new { })).NamesFieldAsync("requestId");

        // Another supplier: the unit is not there (404) and its pool does not list it; it cannot issue it either.
        var other = await App.ClientForAsync("supplier2.agent");
        await (await other.GetAsync($"/api/v1/loaners/{unit.Unit.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.IssueLoanerAsync(unit.Unit.Id, request.Id)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await other.LoanersAsync()).Items, u => u.AssetTag.StartsWith("BYJ-", StringComparison.Ordinal));

        // The customer sees loaners on its request, not the pool; the platform sees every pool but does not issue.
        await (await (await App.ClientForAsync("customer")).GetAsync("/api/v1/loaners", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False((await (await App.ClientForAsync("customer")).RequestLoanersAsync(request.Id)).CanIssue);
        var platform = await App.ClientForAsync("platform");
        Assert.Contains((await platform.LoanersAsync($"supplierId={unit.Unit.SupplierId}")).Items, u => u.Id == unit.Unit.Id);
        await (await platform.IssueLoanerAsync(unit.Unit.Id, request.Id)).ProblemAsync(HttpStatusCode.Forbidden);

        // An engineer without loaners.manage may not issue.
        await (await (await App.ClientForAsync("supplier.engineer")).IssueLoanerAsync(unit.Unit.Id, request.Id)).ProblemAsync(HttpStatusCode.Forbidden);

        // Moves the table does not allow are 409 naming the current place; a reclaim needs the condition check.
        await (await agent.PostJsonAsync($"/api/v1/loaners/{unit.Unit.Id}/deliver", new { receivedBy = "张工" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.IssueLoanerAsync(unit.Unit.Id, request.Id)).ReadAsync<LoanerView>();
        await (await agent.PostJsonAsync($"/api/v1/loaners/{unit.Unit.Id}/reclaim", new { originalRunning = true })).NamesFieldAsync("condition");
        await (await agent.PostJsonAsync($"/api/v1/loaners/{unit.Unit.Id}/retire", new { reason = "老化" })).ProblemAsync(HttpStatusCode.Conflict);

        // The person reclaiming may confirm the original runs again; a damaged unit goes to repair, then back to the pool.
        var repair = await agent.LoanerActAsync(unit.Unit.Id, "reclaim", new { originalRunning = true, condition = "damaged", note = "主轴异响" });
        Assert.Equal(LoanerLocation.UnderRepair, repair.Unit.Location);
        Assert.Equal(["repaired", "retire"], repair.AllowedActions);
        await (await agent.IssueLoanerAsync(unit.Unit.Id, request.Id)).NamesRuleAsync("R-EXE-7");
        Assert.Equal(LoanerLocation.InPool, (await agent.LoanerActAsync(unit.Unit.Id, "repaired", new { note = "更换轴承" })).Unit.Location);
    }

    [Fact]
    public async Task The_pool_is_filtered_by_location_and_search_and_paged()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var first = await agent.LoanersAsync("page[size]=2");
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);
        var second = await agent.LoanersAsync($"page[size]=2&page[after]={first.Next}");
        Assert.DoesNotContain(second.Items, u => first.Items.Any(f => f.Id == u.Id));

        var plc = Assert.Single((await agent.LoanersAsync("q=PLC-200")).Items);
        Assert.Equal(("BYJ-003", "控制器", "在库"), (plc.AssetTag, plc.Grade, plc.LocationLabel));
        Assert.All((await agent.LoanersAsync("status=inPool")).Items, u => Assert.Equal(LoanerLocation.InPool, u.Location));
        Assert.Empty((await agent.LoanersAsync("status=retired&q=BYJ-003")).Items);
        await (await agent.GetAsync("/api/v1/loaners?page[size]=0", Ct)).NamesFieldAsync("page[size]");
    }

    private async Task FinishWorkOrderAsync(Guid workOrderId)
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var engineerMe = await (await App.ClientForAsync("supplier.engineer")).MeAsync();
        await agent.WorkOrderActAsync(workOrderId, "dispatch", new { engineerUserId = engineerMe.Id });
        var engineer = await App.ClientForAsync("supplier.engineer");
        await engineer.WorkOrderActAsync(workOrderId, "checkIn", new { note = "备用机已运抵现场" });
        var done = await engineer.WorkOrderActAsync(workOrderId, "checkOut", new { note = "客户已签收备用机" });
        Assert.Equal(WorkOrderStatus.Done, done.Status);
    }
}
