using System.Net;
using System.Text;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Complaints;

/// <summary>
/// 投诉台账 (R-CMP-1): a complaint is filed, verified with a responsible party, handled with compensation and closed with
/// the complainant's feedback; each step is refused out of turn, by the wrong party, or with bad input, and a complaint
/// is seen only by the parties to it and the platform.
/// </summary>
public sealed class ComplaintLedgerTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_complaint_about_a_request_goes_from_filed_to_closed_with_every_step_in_its_history()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var platform = await App.ClientForAsync("platform");
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await (await App.ClientForAsync("supplier.engineer")).MeAsync();

        var filed = await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id));
        Assert.Matches(@"^TS-2026-\d{6}$", filed.Complaint.Number);
        Assert.Equal((ComplaintStatus.Filed, "待核实", ComplaintChannel.Hotline, request.Number), (filed.Complaint.Status, filed.Complaint.StatusLabel, filed.Complaint.Channel, filed.Complaint.RequestNumber));
        Assert.Equal(App.Clock.GetUtcNow().AddHours(24), filed.Complaint.VerificationDueAt);
        Assert.Equal(request.Supplier.Id, filed.Complaint.RespondentSupplierId);
        Assert.False(filed.Allowed.Verify);

        var verified = await platform.ComplaintActAsync(filed.Complaint.Id, "verify", new { responsibility = "staffService", staffUserId = engineer.Id, note = "经核实工程师迟到" });
        Assert.Equal((ComplaintStatus.Verified, ComplaintResponsibility.StaffService, "服务人员", engineer.Id, "孙浩"),
            (verified.Complaint.Status, verified.Complaint.Responsibility, verified.Complaint.ResponsibilityLabel, verified.Complaint.StaffAtFaultUserId, verified.Complaint.StaffAtFaultName));
        Assert.False(verified.Complaint.VerifiedLate);

        Assert.True((await agent.ComplaintAsync(filed.Complaint.Id)).Allowed.StartHandling);
        await agent.ComplaintActAsync(filed.Complaint.Id, "start-handling", new { note = "已联系客户" });
        var handled = await agent.ComplaintActAsync(filed.Complaint.Id, "handle", new { notes = "工程师上门道歉，更换服务人员", compensation = "credit", compensationAmount = 500.00m });
        Assert.Equal((ComplaintStatus.Handled, CompensationKind.Credit, "500.00"), (handled.Complaint.Status, handled.Complaint.Compensation, handled.Complaint.CompensationAmount?.AmountText));

        var closed = await customer.ComplaintActAsync(filed.Complaint.Id, "close", new { satisfied = false, comment = "补偿太少" });
        Assert.Equal((ComplaintStatus.Closed, false, "补偿太少"), (closed.Complaint.Status, closed.Complaint.Satisfied, closed.Complaint.FeedbackComment));
        Assert.True(closed.Allowed.Reopen);

        var reopened = await customer.ComplaintActAsync(filed.Complaint.Id, "reopen", new { reason = "希望重新评估补偿" });
        Assert.Equal((ComplaintStatus.InProgress, 1), (reopened.Complaint.Status, reopened.Complaint.ReopenCount));
        await agent.ComplaintActAsync(filed.Complaint.Id, "handle", new { notes = "补偿调整为免除上门费", compensation = "waivedFee", compensationAmount = 800m });
        var final = await customer.ComplaintActAsync(filed.Complaint.Id, "close", new { satisfied = false, comment = "仍不满意" });
        Assert.False(final.Allowed.Reopen);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/reopen", new { reason = "再次重开" })).NamesRuleAsync("R-CMP-1");

        Assert.Equal(
            [ComplaintStepKind.Filed, ComplaintStepKind.Verified, ComplaintStepKind.HandlingStarted, ComplaintStepKind.Handled, ComplaintStepKind.Closed,
             ComplaintStepKind.Reopened, ComplaintStepKind.Handled, ComplaintStepKind.Closed],
            final.History.Select(h => h.Kind));
        Assert.Equal(["张伟", "王敏", "赵丽", "赵丽", "张伟"], final.History.Take(5).Select(h => h.Actor));
        Assert.All(final.History, h => Assert.Equal(App.Clock.GetUtcNow(), h.At));
    }

    [Fact]
    public async Task A_complaint_is_404_to_organisations_not_party_to_it_and_missing_from_their_ledger()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var filed = await (await App.ClientForAsync("customer")).FileAsync(ComplaintCalls.AboutRequest(request.Id));

        foreach (var outsider in new[] { "customer2", "supplier2.agent" })
        {
            var client = await App.ClientForAsync(outsider);
            await (await client.GetAsync($"/api/v1/complaints/{filed.Complaint.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "productQuality" })).ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain((await client.ComplaintsAsync($"q={filed.Complaint.Number}")).Items, c => c.Id == filed.Complaint.Id);
        }

        foreach (var party in new[] { "supplier.agent", "supplier.manager", "platform" })
        {
            var row = Assert.Single((await (await App.ClientForAsync(party)).ComplaintsAsync($"q={filed.Complaint.Number}")).Items);
            Assert.Equal(filed.Complaint.Id, row.Id);
        }

        // A request the filer cannot see cannot be complained about: it is named as not found.
        await (await (await App.ClientForAsync("customer2")).PostJsonAsync("/api/v1/complaints", ComplaintCalls.AboutRequest(request.Id))).NamesFieldAsync("requestId");
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_files_nothing()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var before = (await customer.ComplaintsAsync("page[size]=200")).Items.Count;

        await (await customer.PostJsonAsync("/api/v1/complaints", new { subject = "request", requestId = request.Id.ToString(), content = " " })).NamesFieldAsync("content");
        await (await customer.PostJsonAsync("/api/v1/complaints", new { requestId = request.Id.ToString(), content = "内容" })).NamesFieldAsync("subject");
        await (await customer.PostJsonAsync("/api/v1/complaints", new { subject = "request", content = "内容" })).NamesFieldAsync("requestId");
        await (await customer.PostJsonAsync("/api/v1/complaints", new { subject = "person", content = "内容" })).NamesFieldAsync("personUserId");
        await (await customer.PostJsonAsync("/api/v1/complaints", new { subject = "request", requestId = request.Id.ToString(), content = "内容", channel = "fax" })).NamesFieldAsync("channel");
        await (await customer.PostJsonAsync("/api/v1/complaints", new { subject = "request", requestId = request.Id.ToString(), content = new string('长', 2001) })).NamesFieldAsync("content");
        Assert.Equal(before, (await customer.ComplaintsAsync("page[size]=200")).Items.Count);

        await (await customer.GetAsync("/api/v1/complaints?overdue=maybe", Ct)).NamesFieldAsync("overdue");
        await (await customer.GetAsync("/api/v1/complaints?filedFrom=2026-11-01", Ct)).NamesFieldAsync("filedFrom");
        await (await customer.GetAsync("/api/v1/complaints?status=lost", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.GetAsync("/api/v1/complaints?page[size]=0", Ct)).NamesFieldAsync("page[size]");

        var filed = await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id));
        var platform = await App.ClientForAsync("platform");
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { note = "缺责任主体" })).NamesFieldAsync("responsibility");
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "productQuality", staffUserId = (await customer.MeAsync()).Id })).NamesFieldAsync("staffUserId");
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/reject", new { reason = "" })).NamesFieldAsync("reason");
        Assert.Equal(ComplaintStatus.Filed, (await platform.ComplaintAsync(filed.Complaint.Id)).Complaint.Status);

        await platform.ComplaintActAsync(filed.Complaint.Id, "verify", new { responsibility = "productQuality" });
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/handle", new { notes = "补偿", compensation = "credit" })).NamesFieldAsync("compensationAmount");
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/handle", new { notes = "补偿", compensation = "credit", compensationAmount = 1.005m })).NamesFieldAsync("compensationAmount");
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/handle", new { compensation = "replacement" })).NamesFieldAsync("notes");
        await platform.ComplaintActAsync(filed.Complaint.Id, "handle", new { notes = "更换主板", compensation = "replacement" });
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/close", new { comment = "好" })).NamesFieldAsync("satisfied");
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/close", new { satisfied = false })).NamesFieldAsync("comment");
        Assert.Equal(ComplaintStatus.Handled, (await customer.ComplaintAsync(filed.Complaint.Id)).Complaint.Status);
    }

    [Fact]
    public async Task The_wrong_party_is_403_and_a_step_out_of_turn_is_409()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var filed = await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id));

        // The complainant does not verify its own complaint; an engineer has no complaints.verify; an agent does not close.
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "customerUse" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier.engineer")).PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "customerUse" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/handle", new { notes = "自行处理" })).ProblemAsync(HttpStatusCode.Forbidden);

        var agent = await App.ClientForAsync("supplier.agent");
        await (await agent.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/handle", new { notes = "已处理" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/close", new { satisfied = true })).ProblemAsync(HttpStatusCode.Conflict);

        // The supplier's own manager verifies (seed 003: 售后部门在24小时内核实); the agent then may not close it for the customer.
        await (await App.ClientForAsync("supplier.manager")).ComplaintActAsync(filed.Complaint.Id, "verify", new { responsibility = "customerUse", note = "客户未按说明书操作" });
        await agent.ComplaintActAsync(filed.Complaint.Id, "handle", new { notes = "已上门讲解操作规范" });
        await (await agent.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/close", new { satisfied = true })).ProblemAsync(HttpStatusCode.Forbidden);
        var closed = await customer.ComplaintActAsync(filed.Complaint.Id, "close", new { satisfied = true, comment = "理解" });
        Assert.Equal(ComplaintStatus.Closed, closed.Complaint.Status);

        // A satisfied complainant does not reopen.
        await (await customer.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/reopen", new { reason = "改主意" })).NamesRuleAsync("R-CMP-1");
    }

    [Fact]
    public async Task An_unfounded_complaint_is_rejected_with_its_reason_and_goes_no_further()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var filed = await (await App.ClientForAsync("customer")).FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "设备噪音大"));
        var platform = await App.ClientForAsync("platform");

        var rejected = await platform.ComplaintActAsync(filed.Complaint.Id, "reject", new { reason = "噪音在说明书标称范围内" });

        Assert.Equal((ComplaintStatus.Rejected, "不成立", "噪音在说明书标称范围内"), (rejected.Complaint.Status, rejected.Complaint.StatusLabel, rejected.Complaint.RejectionReason));
        Assert.Equal(ComplaintStepKind.Rejected, rejected.History[^1].Kind);
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/start-handling", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await (await platform.PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "productQuality" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_complaint_about_a_person_goes_to_the_persons_organisation_and_a_retry_files_it_once()
    {
        var engineer = await (await App.ClientForAsync("supplier.engineer")).MeAsync();
        var customer = await App.ClientForAsync("customer");
        var body = new { subject = "person", personUserId = engineer.Id, channel = "portal", content = "工程师服务态度差" };
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "complaint-person-1" };

        var first = await (await customer.PostJsonAsync("/api/v1/complaints", body, headers)).ReadAsync<AfterSales.Web.Features.Complaints.ComplaintView>(HttpStatusCode.Created);
        var again = await (await customer.PostJsonAsync("/api/v1/complaints", body, headers)).ReadAsync<AfterSales.Web.Features.Complaints.ComplaintView>(HttpStatusCode.Created);

        Assert.Equal(first.Complaint.Id, again.Complaint.Id);
        Assert.Equal((ComplaintSubject.Person, engineer.Id, "孙浩"), (first.Complaint.Subject, first.Complaint.PersonUserId, first.Complaint.PersonName));
        Assert.Equal("supplier.manager", (await (await App.ClientForAsync("supplier.manager")).ComplaintAsync(first.Complaint.Id)).Allowed.Verify ? "supplier.manager" : "none");

        // Verifying staff service defaults the person at fault to the person complained about.
        var verified = await (await App.ClientForAsync("supplier.manager")).ComplaintActAsync(first.Complaint.Id, "verify", new { responsibility = "staffService" });
        Assert.Equal(engineer.Id, verified.Complaint.StaffAtFaultUserId);
        Assert.True(verified.Allowed.SuspendStaff);
    }

    [Fact]
    public async Task The_ledger_exports_as_csv_with_a_bom_and_the_chinese_columns()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var filed = await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id, content: "维修后仍漏油, 第二次上门未解决", desiredOutcome: "=更换整机"));
        await (await App.ClientForAsync("platform")).ComplaintActAsync(filed.Complaint.Id, "verify", new { responsibility = "productQuality" });

        var response = await customer.GetAsync($"/api/v1/complaints/export?q={filed.Complaint.Number}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("投诉编号,状态,投诉对象,渠道,投诉单位,提交人,售后单", lines[0]);
        Assert.StartsWith($"{filed.Complaint.Number},已核实,售后单,400 电话,", lines[1]);
        Assert.Contains("\"维修后仍漏油, 第二次上门未解决\"", lines[1]);
        Assert.Contains(",'=更换整机,", lines[1]);
        Assert.Contains(",产品质量,", lines[1]);
        Assert.Contains(AfterSales.Domain.Common.ServiceZone.ToLocal(filed.Complaint.FiledAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), lines[1]);

        // An outsider's export does not include it.
        var outsider = await (await App.ClientForAsync("customer2")).GetAsync($"/api/v1/complaints/export?q={filed.Complaint.Number}", Ct);
        Assert.Single(Encoding.UTF8.GetString((await outsider.Content.ReadAsByteArrayAsync(Ct))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_ledger_filters_by_status_and_responsibility_and_pages_newest_first()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var platform = await App.ClientForAsync("platform");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await customer.FileAsync(ComplaintCalls.AboutRequest(request.Id, content: $"分页投诉{i}"))).Complaint.Id);
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await platform.ComplaintActAsync(ids[1], "verify", new { responsibility = "customerUse" });

        var first = await customer.ComplaintsAsync($"requestId={request.Id}&page[size]=2");
        Assert.Equal([ids[2], ids[1]], first.Items.Select(c => c.Id));
        Assert.NotNull(first.Next);
        var second = await customer.ComplaintsAsync($"requestId={request.Id}&page[size]=2&page[after]={first.Next}");
        Assert.Equal([ids[0]], second.Items.Select(c => c.Id));
        Assert.Null(second.Next);

        Assert.Equal([ids[1]], (await customer.ComplaintsAsync($"requestId={request.Id}&responsibility=customerUse")).Items.Select(c => c.Id));
        Assert.Equal([ids[2], ids[0]], (await customer.ComplaintsAsync($"requestId={request.Id}&status=filed")).Items.Select(c => c.Id));
        Assert.Equal([ids[1]], (await customer.ComplaintsAsync("q=分页投诉1")).Items.Select(c => c.Id));
        var from = Uri.EscapeDataString(App.Clock.GetUtcNow().AddMinutes(-1).ToString("O"));
        Assert.Equal([ids[2]], (await customer.ComplaintsAsync($"requestId={request.Id}&filedFrom={from}")).Items.Select(c => c.Id));
    }
}
