using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// The loop's other roads (API.md workflow), besides the happy path of <see cref="ServiceRequestLoopTests"/>:
/// paid work, a declined quote, verification, rejection and re-service, a dissatisfied revisit, intake answers,
/// cancellation and the certificate a warranty request needs.
/// </summary>
public sealed class ServiceRequestPathsTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly RequestFlow _flow = new(app);

    [Fact]
    public async Task A_paid_quote_totals_its_lines_to_the_fen_and_work_goes_ahead_once_the_customer_accepts_it()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");

        var quoted = await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            analysis = "主轴因碰撞变形，属人为损坏",
            exclusion = "tampering",
            quote = new
            {
                lines = new object[]
                {
                    // R-QUO-1: prices are money in fen, rounded 四舍五入 (1234.565 → 1234.57, 0.125 → 0.13; banker's rounding
                    // would give 1234.56 and 0.12); each line is quantity × unit price to the fen, the total the sum of the lines.
                    new { kind = "parts", description = "主轴组件", quantity = 2, unitPrice = new { amount = "1234.565", currency = "CNY" } },
                    new { kind = "travel", description = "差旅补贴", quantity = 1, unitPrice = new { amount = "0.125", currency = "CNY" } },
                    new { kind = "labour", description = "工程师工时", quantity = 1.5m, unitPrice = new { amount = "300.00", currency = "CNY" } },
                },
                partsLeadTimeDays = 15,
                paymentTerms = "验收后 30 日内付款",
            },
        });

        Assert.Equal(ServiceRequestStatus.QuotePending, quoted.Status);
        Assert.Equal(Responsibility.HumanDamage, quoted.Responsibility);
        Assert.NotNull(quoted.Quote);
        Assert.Equal(["1234.57", "0.13", "300.00"], quoted.Quote.Lines.Select(l => l.UnitPrice.AmountText));
        Assert.Equal(["2469.14", "0.13", "450.00"], quoted.Quote.Lines.Select(l => l.LineTotal.AmountText));
        Assert.Equal(2919.27m, quoted.Quote.Total.Amount);
        Assert.Equal("CNY", quoted.Quote.Total.Currency);
        Assert.Equal(15, quoted.Quote.PartsLeadTimeDays);
        Assert.Equal("报价合计 CNY 2919.27", quoted.Timeline[^1].Note);
        Assert.Equal(["acceptQuote", "declineQuote"], (await (await App.ClientForAsync("customer")).ViewAsync(request.Id)).AllowedActions.Where(a => a.EndsWith("Quote", StringComparison.Ordinal)).Order());

        var customer = await App.ClientForAsync("customer");
        var planned = await customer.ActAsync(request.Id, "acceptQuote");

        Assert.Equal(ServiceRequestStatus.Planned, planned.Status);
        Assert.True(planned.Quote!.Decision!.Accepted);
        Assert.Equal(2919.27m, planned.Quote.Total.Amount);

        var engineer = await App.ClientForAsync("supplier.engineer");
        await engineer.ActAsync(request.Id, "startService", new { note = "已到达现场" });
        var done = await engineer.ActAsync(request.Id, "completeService", new { workDone = "更换主轴组件", result = "设备恢复正常" });
        var accepted = await customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 4, expertise = 5, attitude = 5 } });

        Assert.Equal(ServiceRequestStatus.PendingAcceptance, done.Status);
        Assert.Equal(ServiceRequestStatus.Accepted, accepted.Status);
        Assert.Equal(
            ["judge", "acceptQuote", "startService", "completeService", "accept"],
            accepted.Timeline.Where(t => t.To is not null).Select(t => t.Action).SkipWhile(a => a != "judge"));
    }

    [Fact]
    public async Task A_declined_quote_cancels_the_request_with_the_customers_reason()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(request.Id, "judge", PaidJudgement());
        var customer = await App.ClientForAsync("customer");

        var declined = await customer.ActAsync(request.Id, "declineQuote", new { reason = "费用超出预算，自行处理" });

        Assert.Equal(ServiceRequestStatus.Cancelled, declined.Status);
        Assert.Equal("费用超出预算，自行处理", declined.CancelReason);
        Assert.False(declined.Quote!.Decision!.Accepted);
        Assert.Equal("费用超出预算，自行处理", declined.Quote.Decision.Reason);
        Assert.NotNull(declined.ClosedAt);
        Assert.Empty(declined.AllowedActions);
        Assert.All(declined.Deadlines, d => Assert.NotEqual(DeadlineState.Running, d.State));
    }

    [Fact]
    public async Task A_request_that_needs_verification_waits_in_verifying_until_the_supplier_judges_again()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");

        var verifying = await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "undetermined",
            outcome = "needsVerification",
            analysis = "请提供报警时的操作日志",
        });

        Assert.Equal(ServiceRequestStatus.Verifying, verifying.Status);
        Assert.Equal(DeadlineState.Running, verifying.Deadlines.Single(d => d.Kind == DeadlineKind.Verify).State);
        Assert.Contains("supplyInfo", (await customer.ViewAsync(request.Id)).AllowedActions);

        (await customer.UploadAsync(request.Id.ToString(), AttachmentKind.Log, SampleFiles.Log, "alarm.log")).EnsureSuccessStatusCode();
        var supplied = await customer.ActAsync(request.Id, "supplyInfo", new { note = "已上传报警日志" });

        Assert.Equal(ServiceRequestStatus.Verifying, supplied.Status);
        var entry = supplied.Timeline.Last(t => t.Action == "supplyInfo");
        Assert.Equal(ServiceRequestStatus.Verifying, entry.From);
        Assert.Equal(ServiceRequestStatus.Verifying, entry.To);
        Assert.Equal("已上传报警日志", entry.Note);

        var planned = await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "quality",
            outcome = "inWarranty",
            analysis = "日志显示温度传感器失效",
            plan = new { mode = "onSite", scheduledAt = "2026-11-25T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换温度传感器" },
        });

        Assert.Equal(ServiceRequestStatus.Planned, planned.Status);
        Assert.Equal(DeadlineState.Met, planned.Deadlines.Single(d => d.Kind == DeadlineKind.Verify).State);
        Assert.Equal(JudgementOutcome.InWarranty, planned.Judgement!.Outcome);
        Assert.Equal("上门更换温度传感器", planned.Judgement.Plan!.Steps);
    }

    [Fact]
    public async Task A_rejected_service_is_done_again_and_then_accepted()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.PendingAcceptance);
        var customer = await App.ClientForAsync("customer");
        var evidence = await (await customer.UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Jpeg, "仍报警.jpg")).ReadAsync<AttachmentView>(HttpStatusCode.Created);

        var reservice = await customer.ActAsync(request.Id, "reject", new { failedItems = new[] { "试机 30 分钟后再次报警 E03" }, evidenceAttachmentIds = new[] { evidence.Id } });

        Assert.Equal(ServiceRequestStatus.Reservice, reservice.Status);
        var rejection = Assert.Single(reservice.Rejections);
        Assert.Equal(["试机 30 分钟后再次报警 E03"], rejection.FailedItems);
        Assert.Equal([evidence.Id], rejection.EvidenceAttachmentIds);
        Assert.Equal(DeadlineState.Running, reservice.Deadlines.Single(d => d.Kind == DeadlineKind.Reservice).State);

        var engineer = await App.ClientForAsync("supplier.engineer");
        var redone = await engineer.ActAsync(request.Id, "completeService", new { workDone = "更换温度传感器并复测 2 小时", result = "不再报警" });

        Assert.Equal(ServiceRequestStatus.PendingAcceptance, redone.Status);
        Assert.Equal(DeadlineState.Met, redone.Deadlines.Single(d => d.Kind == DeadlineKind.Reservice).State);

        var accepted = await customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 3, expertise = 4, attitude = 5 }, comment = "第二次修好了" });

        Assert.Equal(ServiceRequestStatus.Accepted, accepted.Status);
        Assert.Equal("不再报警", accepted.ServiceRecord!.Result);
        Assert.Equal(
            ["completeService", "reject", "completeService", "accept"],
            accepted.Timeline.Where(t => t.To is not null).Select(t => t.Action).SkipWhile(a => a != "completeService"));
    }

    [Fact]
    public async Task A_dissatisfied_revisit_reopens_handling_as_reservice()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.Accepted);
        var platform = await App.ClientForAsync("platform");

        var reopened = await platform.ActAsync(request.Id, "revisit", new { channel = "phone", satisfaction = 2, notes = "客户反映仍有异响" });

        Assert.Equal(ServiceRequestStatus.Reservice, reopened.Status);
        Assert.True(reopened.Revisit!.Reopened);
        Assert.Equal(2, reopened.Revisit.Satisfaction);
        Assert.Equal(DeadlineState.Running, reopened.Deadlines.Single(d => d.Kind == DeadlineKind.Reservice).State);
        Assert.Contains("completeService", (await (await App.ClientForAsync("supplier.engineer")).ViewAsync(request.Id)).AllowedActions);
    }

    [Fact]
    public async Task A_consultation_answered_at_intake_is_closed_with_the_answer()
    {
        var customer = await App.ClientForAsync("customer");
        var body = RequestFlow.NewRequestBody(assetSerial: null, type: "consultation", mode: "remote");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", body)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);

        var agent = await App.ClientForAsync("supplier.agent");
        var closed = await agent.ActAsync(created.Id, "resolveAtIntake", new { answer = "E03 为主轴过温报警，请清洁散热风扇滤网后重启。" });

        Assert.Equal(ServiceRequestStatus.Closed, closed.Status);
        Assert.Equal("E03 为主轴过温报警，请清洁散热风扇滤网后重启。", closed.IntakeAnswer);
        Assert.NotNull(closed.ClosedAt);
        Assert.Empty(closed.AllowedActions);
        Assert.Equal(DeadlineState.Met, closed.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
    }

    [Fact]
    public async Task A_customer_cancels_a_request_in_an_early_state_giving_a_reason()
    {
        var request = await _flow.CreateAsync();
        Assert.Equal(ServiceRequestStatus.PendingReceipt, request.Status);
        var customer = await App.ClientForAsync("customer");

        var cancelled = await customer.ActAsync(request.Id, "cancel", new { reason = "设备已自行恢复" });

        Assert.Equal(ServiceRequestStatus.Cancelled, cancelled.Status);
        Assert.Equal("设备已自行恢复", cancelled.CancelReason);
        Assert.NotNull(cancelled.ClosedAt);
        Assert.Empty(cancelled.AllowedActions);
        Assert.Equal(DeadlineState.Met, cancelled.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
        var entry = cancelled.Timeline[^1];
        Assert.Equal(("cancel", ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.Cancelled, "设备已自行恢复"), (entry.Action, entry.From, entry.To, entry.Note));
    }

    [Fact]
    public async Task A_warranty_request_without_its_certificate_waits_in_needs_info_until_the_certificate_is_uploaded()
    {
        var request = await _flow.CreateAsync(withCertificate: false);
        var customer = await App.ClientForAsync("customer");

        Assert.Equal(ServiceRequestStatus.NeedsInfo, request.Status);
        Assert.Equal([AttachmentKind.Certificate], request.Validation.Missing);

        var stillMissing = await customer.ActAsync(request.Id, "supplyInfo", new { note = "稍后补充" });

        Assert.Equal(ServiceRequestStatus.NeedsInfo, stillMissing.Status);
        Assert.Equal([AttachmentKind.Certificate], stillMissing.Validation.Missing);
        Assert.Contains("缺少材料", stillMissing.Timeline[^1].Note);

        (await customer.UploadAsync(request.Id.ToString(), AttachmentKind.Certificate, SampleFiles.Pdf, "合格证.pdf")).EnsureSuccessStatusCode();
        var complete = await customer.ActAsync(request.Id, "supplyInfo", new { note = "已上传合格证" });

        Assert.Equal(ServiceRequestStatus.PendingReceipt, complete.Status);
        Assert.Empty(complete.Validation.Missing);
        Assert.Equal(DeadlineState.Running, complete.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
        Assert.Equal(AttachmentKind.Certificate, Assert.Single(complete.Attachments).Kind);
    }

    [Fact]
    public async Task Technical_support_needs_no_certificate_and_goes_straight_to_pending_receipt()
    {
        var customer = await App.ClientForAsync("customer");

        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        Assert.Equal(ServiceType.TechnicalSupport, created.Type);
        Assert.Empty(created.Validation.Missing);
        Assert.Empty(created.Attachments);
        var receive = created.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(DeadlineState.Running, receive.State);
        Assert.Equal(created.CreatedAt.AddHours(2), receive.DueAt);
    }

    /// <summary>A judgement for paid work: human damage with its exclusion, one quote line.</summary>
    internal static object PaidJudgement() => new
    {
        responsibility = "humanDamage",
        outcome = "paid",
        analysis = "外壳跌落破损",
        exclusion = "tampering",
        quote = new { lines = new[] { new { kind = "parts", description = "外壳", quantity = 1, unitPrice = new { amount = "800.00", currency = "CNY" } } } },
    };
}
