using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Disputes;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Disputes;

/// <summary>
/// Disputes and platform arbitration over the API under the demo supplier's policy (seed 000: 12 h to dispute, 24 h to
/// rule, then a window to object): raise, answer, appraise, rule, print the letter, object, review, deemed acceptance
/// (R-DSP-1..3).
/// </summary>
public sealed class DisputeApiTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_disputed_quote_is_answered_appraised_ruled_and_printed_and_silence_then_accepts_the_ruling()
    {
        var customer = await App.ClientForAsync("customer");
        var agent = await App.ClientForAsync("supplier.agent");
        var platform = await App.ClientForAsync("platform");
        var quoted = await QuotedAsync();

        var report = await UploadAsync(customer, quoted.Id, "第三方检测报告.pdf");
        var disputed = await customer.ActAsync(quoted.Id, "dispute", new { reason = "检测报告证明主板电容批次质量问题，非人为损坏", evidenceAttachmentIds = new[] { report } });
        Assert.Equal(ServiceRequestStatus.InArbitration, disputed.Status);
        var arbitration = disputed.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration);
        Assert.Equal((DeadlineParty.Platform, App.Clock.GetUtcNow().AddHours(24)), (arbitration.OwedBy, arbitration.DueAt));
        Assert.Contains("answerDispute", (await agent.ViewAsync(quoted.Id)).AllowedActions);

        var photos = await UploadAsync(agent, quoted.Id, "撞击痕迹.pdf");
        await agent.ActAsync(quoted.Id, "answerDispute", new { statement = "外壳有明显撞击痕迹，属人为损坏", evidenceAttachmentIds = new[] { photos } });

        // Both parties see both sides.
        var seenByCustomer = (await customer.ViewAsync(quoted.Id)).Dispute!;
        Assert.Equal([report], seenByCustomer.Claim.EvidenceAttachmentIds);
        Assert.Equal([photos], seenByCustomer.Answer!.EvidenceAttachmentIds);

        await platform.ActAsync(quoted.Id, "sendToAppraisal", new { agency = "上海市商检部门", sample = "故障主板 1 块", sampleTracking = "SF1234567890", fee = new { amount = "3000.00", currency = "CNY" } });
        var agencyReport = await UploadAsync(platform, quoted.Id, "鉴定报告.pdf");
        var appraised = await platform.ActAsync(quoted.Id, "recordAppraisal", new { result = "failsStandard", findings = "主板电容不符合国家标准", reportAttachmentIds = new[] { agencyReport } });
        var fee = Assert.Single(appraised.Penalties!, p => p.Account == PenaltyAccount.AppraisalFee);
        Assert.Equal((Domain.Money.Money.Yuan(3000m), "R-DSP-3"), (fee.Amount, fee.RuleId));
        Assert.Equal(PartyKind.Supplier, appraised.Dispute!.Appraisal!.FeePayer);

        var ruled = await platform.ActAsync(quoted.Id, "arbitrate", new
        {
            responsibility = "quality",
            outcome = "warrantyService",
            decision = "认定为产品质量问题，供应商按质保免费更换主板",
            reasoning = "第三方鉴定结论：主板电容不符合国家标准",
            costs = new { supplierPercent = 100, note = "鉴定费由供应商承担" },
        });
        Assert.Equal(ServiceRequestStatus.Planned, ruled.Status);
        Assert.Equal(JudgementOutcome.InWarranty, ruled.Judgement!.Outcome);
        Assert.Null(ruled.Quote);
        var letterNumber = ruled.Dispute!.Ruling!.LetterNumber;

        var letter = await customer.GetAsync($"/api/v1/service-requests/{quoted.Id}/documents/determination", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var html = await letter.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("售后责任判定意见书", html, StringComparison.Ordinal);
        Assert.Contains(letterNumber, html, StringComparison.Ordinal);
        Assert.Contains("供应商按质保免费更换主板", html, StringComparison.Ordinal);

        var queue = await platform.GetAsync<IReadOnlyList<DisputeSummary>>("/api/v1/disputes?stage=ruled");
        Assert.Contains(queue, d => d.RequestId == quoted.Id && d.LetterNumber == letterNumber);

        App.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        await MonitorAsync();
        customer = await App.ClientForAsync("customer");
        platform = await App.ClientForAsync("platform");
        var accepted = await customer.ViewAsync(quoted.Id);
        Assert.NotNull(accepted.Dispute!.RulingDeemedAcceptedAt);
        Assert.Single(accepted.Timeline, t => t.Action == "deemedAccepted" && t.Note!.Contains(letterNumber, StringComparison.Ordinal));
        Assert.DoesNotContain("objectRuling", accepted.AllowedActions);
        Assert.Contains(await platform.GetAsync<IReadOnlyList<DisputeSummary>>("/api/v1/disputes?stage=settled"), d => d.RequestId == quoted.Id);

        // Service proceeds under the ruling.
        var started = await (await App.ClientForAsync("supplier.engineer")).ActAsync(quoted.Id, "startService", new { note = "已到达现场" });
        Assert.Equal(ServiceRequestStatus.InService, started.Status);
    }

    [Fact]
    public async Task A_dispute_is_refused_without_evidence_by_the_wrong_party_and_after_the_window()
    {
        var customer = await App.ClientForAsync("customer");
        var agent = await App.ClientForAsync("supplier.agent");
        var quoted = await QuotedAsync();

        await (await customer.PostJsonAsync($"/api/v1/service-requests/{quoted.Id}/dispute", new { reason = "报价过高" }))
            .NamesFieldAsync("evidenceAttachmentIds");
        var report = await UploadAsync(customer, quoted.Id, "报告.pdf");
        var before = await customer.ViewAsync(quoted.Id);
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{quoted.Id}/dispute", new { reason = "x", evidenceAttachmentIds = new[] { report } }))
            .ProblemAsync(HttpStatusCode.Forbidden);

        App.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        customer = await App.ClientForAsync("customer"); // a new sign-in: the session does not outlive the moved clock
        var problem = await (await customer.PostJsonAsync($"/api/v1/service-requests/{quoted.Id}/dispute", new { reason = "报价过高", evidenceAttachmentIds = new[] { report } }))
            .NamesRuleAsync("R-DSP-1");
        Assert.Contains("异议期", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await customer.ViewAsync(quoted.Id);
        Assert.Equal(ServiceRequestStatus.QuotePending, after.Status);
        Assert.Null(after.Dispute);
        Assert.Equal(before.Attachments.Count, after.Attachments.Count);
    }

    [Fact]
    public async Task An_objection_goes_to_the_platform_admin_who_amends_the_ruling_and_the_request_follows()
    {
        var customer = await App.ClientForAsync("customer");
        var platform = await App.ClientForAsync("platform");
        var admin = await App.ClientForAsync("admin");
        var quoted = await QuotedAsync();
        var report = await UploadAsync(customer, quoted.Id, "报告.pdf");
        await customer.ActAsync(quoted.Id, "dispute", new { reason = "质量问题", evidenceAttachmentIds = new[] { report } });
        await (await platform.PostJsonAsync($"/api/v1/service-requests/{quoted.Id}/arbitrate", new { responsibility = "quality", outcome = "warrantyService", decision = "免费维修" }))
            .NamesFieldAsync("costs.supplierPercent");
        await platform.ActAsync(quoted.Id, "arbitrate", new { responsibility = "humanDamage", outcome = "paidService", decision = "维持付费维修", reasoning = "撞击痕迹明显", costs = new { supplierPercent = 0 } });

        var objected = await customer.ActAsync(quoted.Id, "objectRuling", new { reason = "鉴定机构未到场查看，判定不公" });
        Assert.True(objected.Dispute!.AwaitingReview);
        Assert.DoesNotContain("reviewRuling", (await platform.ViewAsync(quoted.Id)).AllowedActions);
        await (await platform.PostJsonAsync($"/api/v1/service-requests/{quoted.Id}/reviewRuling", new { decision = "uphold", note = "维持" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("reviewRuling", (await admin.ViewAsync(quoted.Id)).AllowedActions);

        var amended = await admin.ActAsync(quoted.Id, "reviewRuling", new
        {
            decision = "amend",
            note = "复核认定为质量问题",
            ruling = new { responsibility = "quality", outcome = "warrantyService", decision = "改判：供应商免费维修", reasoning = "复核检测报告", costs = new { supplierPercent = 100 } },
        });

        Assert.Equal(ServiceRequestStatus.Planned, amended.Status);
        Assert.EndsWith("-PD2", amended.Dispute!.Ruling!.LetterNumber, StringComparison.Ordinal);
        Assert.Equal(RulingReviewDecision.Amend, amended.Dispute.Review!.Decision);
        Assert.Contains(amended.Timeline, t => t.Action == "reviewRuling" && t.To == ServiceRequestStatus.Planned);
    }

    private async Task<ServiceRequestView> QuotedAsync()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.UnderAssessment);
        return await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            analysis = "外壳撞击变形，属人为损坏",
            exclusion = "misuse",
            quote = new { lines = new[] { new { kind = "parts", description = "主板", quantity = 1, unitPrice = new { amount = "2000.00", currency = "CNY" } } } },
        });
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid requestId, string fileName) =>
        (await (await client.UploadAsync(requestId.ToString(), AttachmentKind.Evidence, SampleFiles.Pdf, fileName)).ReadAsync<AttachmentView>(HttpStatusCode.Created)).Id;

    private async Task MonitorAsync()
    {
        for (var pass = 0; pass < 20 && (await App.Monitor.RunOnceAsync(Ct)).Total > 0; pass++)
        {
        }
    }
}
