using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using AfterSales.Web.Tests.Policies;
using AfterSales.Web.Tests.ServiceRequests;
using AfterSales.Web.Tests.WorkOrders;
using Xunit;

namespace AfterSales.Web.Tests.Deadlines;

/// <summary>
/// Every deadline kind (docs/deadlines.md) is opened, paused, met or breached by the workflow itself, over the API
/// (R-SLA-1, R-SLA-4). Both demo suppliers are first put on a policy version that sets a target for every kind — the
/// presets leave several out (SupplyInfo, QuoteDecision, …) — announced 7 working days ahead and then in force.
/// </summary>
public sealed class DeadlineKindTests(AfterSalesApp app) : ApiTest(app)
{
    private const string EveryKindPolicy = "全时效测试政策";
    private const string Customer3 = "customer3";

    public static TheoryData<DeadlineKind> EveryKind { get; } = [.. Enum.GetValues<DeadlineKind>()];

    /// <summary>
    /// One case per kind: the workflow path that opens it and the state it ends in. A kind added to the enum without
    /// a path here fails this theory.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryKind))]
    public async Task Every_deadline_kind_is_opened_and_ended_by_the_workflow(DeadlineKind kind)
    {
        await EveryKindInForceAsync();

        var (view, expected) = kind switch
        {
            DeadlineKind.IntakeCheck => (await FileAsync(Body()), DeadlineState.Met),
            DeadlineKind.SupplyInfo => (await SupplyInfoLateAsync(), DeadlineState.Breached),
            DeadlineKind.Receive => (await ReceiveAsync(await FileAsync(Body())), DeadlineState.Met),
            DeadlineKind.Plan => (await PlanLateAsync(), DeadlineState.Breached),
            DeadlineKind.Verify => (await VerifiedAsync(), DeadlineState.Met),
            DeadlineKind.QuoteDecision => (await QuoteAcceptedAsync(Body()), DeadlineState.Met),
            DeadlineKind.OnSiteArrival => (await StartedAsync(Body("onSite")), DeadlineState.Met),
            DeadlineKind.RemoteResolution => (await CompletedAsync(Body("remote")), DeadlineState.Met),
            DeadlineKind.PartsDelivery => (await PartsLateAsync(), DeadlineState.Breached),
            DeadlineKind.FactoryRepair => (await CompletedAsync(Body("returnToFactory")), DeadlineState.Met),
            DeadlineKind.Acceptance => (await AcceptedAsync(Body()), DeadlineState.Met),
            DeadlineKind.Reservice => (await ReservicedAsync(), DeadlineState.Met),
            DeadlineKind.Revisit => (await RevisitedAsync(), DeadlineState.Met),
            DeadlineKind.Vouchers => (await ArchivedAsync(), DeadlineState.Met),
            DeadlineKind.LevelReply => (await LevelReplyAfterMissingMaterialsAsync(), DeadlineState.Met),
            DeadlineKind.LevelArrival => (await StartedAsync(Body("onSite", fault: "major")), DeadlineState.Met),
            DeadlineKind.LevelFix => (await CompletedAsync(Body("onSite", fault: "major"), paid: true), DeadlineState.Met),
            DeadlineKind.DealerArrangement => (await DealerReceivesAfterAsync(TimeSpan.FromHours(3)), DeadlineState.Breached),
            DeadlineKind.SupervisionCheck => (await DealerReceivesAfterAsync(TimeSpan.FromHours(3)), DeadlineState.Met),
            DeadlineKind.DisputeWindow => (await DisputeWindowLapsedAsync(), DeadlineState.Met),
            DeadlineKind.Arbitration => (await ArbitratedAsync(), DeadlineState.Met),
            DeadlineKind.RulingObjection => (await RulingObjectedAsync(), DeadlineState.Met),
            DeadlineKind.PartsReplenishment => (await PartsReplenishedAsync(), DeadlineState.Met),
            DeadlineKind.FactoryPickup => (await FactoryPickupBookedAsync(), DeadlineState.Met),
            DeadlineKind.FactoryReturn => (await FactoryReturnShippedAsync(), DeadlineState.Met),
            _ => throw new InvalidOperationException($"No workflow path for {kind}: add one, and a row to docs/deadlines.md."),
        };

        var deadline = view.Deadlines.Last(d => d.Kind == kind);
        Assert.Equal(expected, deadline.State);
        Assert.Equal(DeadlineCatalog.For(kind).OwedBy, deadline.OwedBy);
        if (expected == DeadlineState.Met)
        {
            Assert.NotNull(deadline.ClosedAt);
            Assert.True(deadline.ClosedAt <= deadline.DueAt);
        }
        else
        {
            Assert.Contains(view.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains(DeadlineKindNames.Chinese(kind), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_level_fix_deadline_stands_still_while_the_customer_decides_on_a_quote_and_resumes_with_the_time_it_had_left()
    {
        await EveryKindInForceAsync();
        var filed = await FileAsync(Body("onSite", fault: "major"));
        var start = filed.CreatedAt;
        var fix = filed.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal(("4 小时", start + TimeSpan.FromHours(4), DeadlineState.Running), (fix.Target, fix.DueAt, fix.State));

        App.Clock.Advance(TimeSpan.FromHours(1));
        await ReceiveAsync(filed);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var quoted = await JudgePaidAsync(filed.Id);
        Assert.Equal(ServiceRequestStatus.QuotePending, quoted.Status);
        Assert.Equal(DeadlineState.Paused, quoted.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix).State);

        // Ten hours later — long past the original due instant — the paused deadline is not breached.
        App.Clock.Advance(TimeSpan.FromHours(10));
        await MonitorAsync();
        var waiting = await ViewAsync(filed.Id);
        Assert.Equal(DeadlineState.Paused, waiting.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix).State);
        Assert.DoesNotContain(waiting.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains(DeadlineKindNames.Chinese(DeadlineKind.LevelFix), StringComparison.Ordinal));

        var resumed = await ActAsync("customer", filed.Id, "acceptQuote");
        var resumedAt = App.Clock.GetUtcNow();
        var running = resumed.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal(DeadlineState.Running, running.State);
        Assert.Equal(resumedAt + TimeSpan.FromHours(2.5), running.DueAt);
        Assert.Equal(resumedAt + TimeSpan.FromMinutes(30), resumed.Deadlines.Single(d => d.Kind == DeadlineKind.LevelArrival).DueAt);

        App.Clock.Advance(TimeSpan.FromMinutes(20));
        await ActAsync("supplier.engineer", filed.Id, "startService", new { note = "已到达现场" });
        App.Clock.Advance(TimeSpan.FromHours(2));
        var done = await CompleteAsync(filed.Id);
        var met = done.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal((DeadlineState.Met, (DateTimeOffset?)App.Clock.GetUtcNow()), (met.State, met.ClosedAt));
        Assert.Null(done.LoanerOwedSince);
    }

    [Fact]
    public async Task Changing_the_level_moves_an_open_level_reply_deadline_counted_from_filing()
    {
        await EveryKindInForceAsync();
        var filed = await FileAsync(Body(service: "C"));
        var reply = filed.Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply);
        Assert.Equal(("30 分钟", filed.CreatedAt + TimeSpan.FromMinutes(30)), (reply.Target, reply.DueAt));

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var classified = await ActAsync("supplier.agent", filed.Id, "classifyLevel", new { faultLevel = "major", serviceLevel = "A", note = "产线全停" });

        Assert.Equal((FaultLevel.Major, ServiceLevel.A), (classified.FaultLevel, classified.ServiceLevel));
        var moved = classified.Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply);
        Assert.Equal((reply.Id, "10 分钟", filed.CreatedAt + TimeSpan.FromMinutes(10), DeadlineState.Running), (moved.Id, moved.Target, moved.DueAt, moved.State));
        var entry = classified.Timeline.Last(t => t.Action == "classifyLevel");
        Assert.Contains("一级", entry.Note, StringComparison.Ordinal);

        // A major fault now also owes an arrival and a fix, counted from filing (R-IN-8).
        Assert.Equal(filed.CreatedAt + TimeSpan.FromHours(4), classified.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix).DueAt);

        App.Clock.Advance(TimeSpan.FromMinutes(6));
        await MonitorAsync();
        var late = (await ViewAsync(filed.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply);
        Assert.Equal(DeadlineState.Breached, late.State);
    }

    [Fact]
    public async Task A_critical_fault_not_fixed_in_time_owes_a_free_equivalent_loaner()
    {
        await EveryKindInForceAsync();
        var filed = await FileAsync(Body("onSite", fault: "major", service: "A"));
        await ReceiveAsync(filed);
        await JudgeInWarrantyAsync(filed.Id, "onSite");

        App.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        await MonitorAsync();

        var view = await ViewAsync(filed.Id);
        var fix = view.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)null), (fix.State, fix.ClosedAt));
        Assert.NotNull(view.LoanerOwedSince);
        Assert.True(view.LoanerOwedSince > fix.DueAt);
        var owed = Assert.Single(view.Timeline, t => t.Action == "loanerOwed");
        Assert.Contains("R-EXE-7", owed.Note, StringComparison.Ordinal);

        // The loaner is owed once, however the request goes on.
        await ActAsync("supplier.engineer", filed.Id, "startService", new { note = "已到达现场" });
        await MonitorAsync();
        var later = await ViewAsync(filed.Id);
        Assert.Equal(view.LoanerOwedSince, later.LoanerOwedSince);
        Assert.Single(later.Timeline, t => t.Action == "loanerOwed");
    }

    [Fact]
    public async Task A_task_routed_to_a_dealer_is_arranged_by_the_dealer_in_2_hours_and_checked_by_the_supplier_at_4()
    {
        await EveryKindInForceAsync();
        var filed = await FileAsDealerCustomerAsync();
        Assert.NotNull(filed.Dealer);
        var arrangement = filed.Deadlines.Single(d => d.Kind == DeadlineKind.DealerArrangement);
        var check = filed.Deadlines.Single(d => d.Kind == DeadlineKind.SupervisionCheck);
        Assert.Equal((DeadlineParty.Dealer, "2 小时"), (arrangement.OwedBy, arrangement.Target));
        Assert.Equal((DeadlineParty.Supplier, "4 小时"), (check.OwedBy, check.Target));

        App.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await MonitorAsync();
        var dealerLate = await ViewAsync(filed.Id, "dealer");
        Assert.Equal(DeadlineState.Breached, dealerLate.Deadlines.Single(d => d.Kind == DeadlineKind.DealerArrangement).State);
        Assert.Equal(DeadlineState.Running, dealerLate.Deadlines.Single(d => d.Kind == DeadlineKind.SupervisionCheck).State);

        App.Clock.Advance(TimeSpan.FromHours(2));
        await MonitorAsync();
        var supplierLate = await ViewAsync(filed.Id, "supplier2.agent");
        Assert.Equal(DeadlineState.Breached, supplierLate.Deadlines.Single(d => d.Kind == DeadlineKind.SupervisionCheck).State);
        Assert.All(new[] { DeadlineKind.DealerArrangement, DeadlineKind.SupervisionCheck }, kind =>
            Assert.Single(supplierLate.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains(DeadlineKindNames.Chinese(kind), StringComparison.Ordinal)));

        var received = await ActAsync("dealer", filed.Id, "receive", new { note = "已安排服务站工程师，已电话告知客户" });
        Assert.All(received.Deadlines.Where(d => d.Kind is DeadlineKind.DealerArrangement or DeadlineKind.SupervisionCheck),
            d => Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)App.Clock.GetUtcNow()), (d.State, d.ClosedAt)));
    }

    [Fact]
    public async Task A_request_without_a_dealer_opens_no_dealer_deadlines()
    {
        await EveryKindInForceAsync();

        var filed = await FileAsync(Body());

        Assert.Null(filed.Dealer);
        Assert.DoesNotContain(filed.Deadlines, d => d.Kind is DeadlineKind.DealerArrangement or DeadlineKind.SupervisionCheck);
    }

    private async Task<ServiceRequestView> SupplyInfoLateAsync()
    {
        var filed = await FileAsync(Body(), withCertificate: false);
        Assert.Equal(ServiceRequestStatus.NeedsInfo, filed.Status);
        Assert.Equal(DeadlineState.Running, filed.Deadlines.Single(d => d.Kind == DeadlineKind.SupplyInfo).State);

        App.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await MonitorAsync();
        Assert.Equal(DeadlineState.Breached, (await ViewAsync(filed.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.SupplyInfo).State);

        var supplied = await SupplyCertificateAsync(filed.Id);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, supplied.Status);

        // The customer's lateness costs the supplier nothing.
        Assert.Empty(supplied.Penalties ?? []);
        return supplied;
    }

    private async Task<ServiceRequestView> PlanLateAsync()
    {
        var received = await ReceiveAsync(await FileAsync(Body()));
        App.Clock.Advance(TimeSpan.FromHours(25));
        var judged = await JudgeInWarrantyAsync(received.Id, "onSite");
        Assert.Contains(judged.Penalties ?? [], p => p.Kind == DeadlineKind.Plan && p.RuleId == "R-PEN-1" && p.Account == PenaltyAccount.CustomerCompensation);
        return judged;
    }

    private async Task<ServiceRequestView> VerifiedAsync()
    {
        var received = await ReceiveAsync(await FileAsync(Body()));
        var verifying = await ActAsync("supplier.agent", received.Id, "judge", new { responsibility = "undetermined", outcome = "needsVerification", analysis = "请补充故障时的操作日志" });
        Assert.Equal(DeadlineState.Running, verifying.Deadlines.Single(d => d.Kind == DeadlineKind.Verify).State);
        App.Clock.Advance(TimeSpan.FromHours(2));
        return await JudgeInWarrantyAsync(received.Id, "onSite");
    }

    private async Task<ServiceRequestView> QuoteAcceptedAsync(object body)
    {
        var received = await ReceiveAsync(await FileAsync(body));
        var quoted = await JudgePaidAsync(received.Id);
        Assert.Equal(DeadlineState.Running, quoted.Deadlines.Single(d => d.Kind == DeadlineKind.QuoteDecision).State);
        if (quoted.FaultLevel is not null)
        {
            Assert.Equal(DeadlineState.Paused, quoted.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix).State);
        }

        App.Clock.Advance(TimeSpan.FromHours(1));
        return await ActAsync("customer", received.Id, "acceptQuote");
    }

    private async Task<ServiceRequestView> StartedAsync(object body, bool paid = false)
    {
        var planned = paid ? await QuoteAcceptedAsync(body) : await JudgeInWarrantyAsync((await ReceiveAsync(await FileAsync(body))).Id, ModeOf(body));
        Assert.Equal(ServiceRequestStatus.Planned, planned.Status);
        await ClearForRemoteAsync(planned.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        return await ActAsync("supplier.engineer", planned.Id, "startService", new { note = "已到达现场" });
    }

    /// <summary>R-SEC-1: remote work starts once the pair's confidentiality agreement is on record and the customer has authorised it.</summary>
    private async Task ClearForRemoteAsync(Guid requestId)
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var agreements = await agent.GetAsync<Web.Features.Quotes.AgreementsView>($"/api/v1/service-requests/{requestId}/agreements");
        if (!agreements.RemoteService)
        {
            return;
        }

        if (agreements.ConfidentialityAgreement is null)
        {
            var copy = await (await agent.UploadAsync(requestId.ToString(), AttachmentKind.Agreement, SampleFiles.Pdf, "保密协议.pdf")).ReadAsync<AttachmentView>(System.Net.HttpStatusCode.Created);
            await agent.ActAsync(requestId, "recordConfidentialityAgreement", new { attachmentId = copy.Id, reference = "NDA-TEST" });
        }

        await ActAsync("customer", requestId, "authorizeRemoteSession", new { scope = "控制器参数" });
    }

    private async Task<ServiceRequestView> CompletedAsync(object body, bool paid = false)
    {
        var started = await StartedAsync(body, paid);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        return await CompleteAsync(started.Id);
    }

    /// <summary>Stock ran out for a planned parts request: a part with a 3-day lead time is ordered for it and arrives in 2 days.</summary>
    private async Task<ServiceRequestView> PartsReplenishedAsync()
    {
        var planned = await JudgeInWarrantyAsync((await ReceiveAsync(await FileAsync(Body("parts")))).Id, "parts");
        var supplier = await App.ClientForAsync("supplier.agent");
        var part = await (await supplier.PostJsonAsync("/api/v1/parts", new
        {
            partNumber = "SP-KIND-" + Guid.NewGuid().ToString("N")[..8], name = "冷却泵", brand = "华东精密", compatibleModels = new[] { "VMC-850" }, isCustom = false, leadTimeDays = 3,
        })).ReadAsync<Features.Parts.SparePartView>(HttpStatusCode.Created);
        var warehouse = (await supplier.GetAsync<IReadOnlyList<Features.Parts.WarehouseView>>("/api/v1/warehouses")).First();
        var order = await (await supplier.PostJsonAsync("/api/v1/replenishments", new { partId = part.Id, warehouseId = warehouse.Id, quantity = 1, serviceRequestId = planned.Id }))
            .ReadAsync<Features.Parts.ReplenishmentView>(HttpStatusCode.Created);
        App.Clock.Advance(TimeSpan.FromDays(2));
        supplier = await App.ClientForAsync("supplier.agent");
        await (await supplier.PostJsonAsync($"/api/v1/replenishments/{order.Id}/receive", new { batchNumber = "B-KIND" })).ReadAsync<Features.Parts.ReplenishmentView>();
        return await ViewAsync(planned.Id);
    }

    private async Task<ServiceRequestView> PartsLateAsync()
    {
        var planned = await JudgeInWarrantyAsync((await ReceiveAsync(await FileAsync(Body("parts")))).Id, "parts");
        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await MonitorAsync();
        return await ViewAsync(planned.Id);
    }

    private async Task<ServiceRequestView> AcceptedAsync(object body)
    {
        var completed = await CompletedAsync(body);
        App.Clock.Advance(TimeSpan.FromHours(3));
        return await ActAsync("customer", completed.Id, "accept", new { rating = new { timeliness = 5, expertise = 5, attitude = 5 }, comment = "满意" });
    }

    private async Task<ServiceRequestView> ReservicedAsync()
    {
        var completed = await CompletedAsync(Body());
        var rejected = await ActAsync("customer", completed.Id, "reject", new { failedItems = new[] { "试机 1 小时后再次报警 E03" } });
        Assert.Equal(DeadlineState.Running, rejected.Deadlines.Single(d => d.Kind == DeadlineKind.Reservice).State);
        App.Clock.Advance(TimeSpan.FromDays(1));
        return await CompleteAsync(completed.Id);
    }

    private async Task<ServiceRequestView> RevisitedAsync()
    {
        var accepted = await AcceptedAsync(Body());
        App.Clock.Advance(TimeSpan.FromHours(20));
        return await ActAsync("platform", accepted.Id, "revisit", new { channel = "phone", satisfaction = 5, notes = "客户满意" });
    }

    private async Task<ServiceRequestView> ArchivedAsync()
    {
        var revisited = await RevisitedAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        (await agent.UploadAsync(revisited.Id.ToString(), AttachmentKind.ServiceReport, SampleFiles.Pdf, "维修单.pdf")).EnsureSuccessStatusCode();
        (await agent.UploadAsync(revisited.Id.ToString(), AttachmentKind.SitePhoto, SampleFiles.Png, "现场照片.png")).EnsureSuccessStatusCode();
        return await ActAsync("supplier.agent", revisited.Id, "archive");
    }

    private async Task<ServiceRequestView> LevelReplyAfterMissingMaterialsAsync()
    {
        var filed = await FileAsync(Body(service: "A"), withCertificate: false);
        Assert.Equal(DeadlineState.Paused, filed.Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply).State);

        // Waiting on the customer for an hour gives the supplier that hour back (R-SLA-1).
        App.Clock.Advance(TimeSpan.FromHours(1));
        var supplied = await SupplyCertificateAsync(filed.Id);
        var running = supplied.Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply);
        Assert.Equal((DeadlineState.Running, App.Clock.GetUtcNow() + TimeSpan.FromMinutes(10)), (running.State, running.DueAt));

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        return await ReceiveAsync(supplied);
    }

    private async Task<ServiceRequestView> DealerReceivesAfterAsync(TimeSpan after)
    {
        var filed = await FileAsDealerCustomerAsync();
        App.Clock.Advance(after);
        return await ActAsync("dealer", filed.Id, "receive", new { note = "已安排服务站工程师" });
    }

    private async Task<ServiceRequestView> ReceiveAsync(ServiceRequestView request) =>
        await ActAsync("supplier.agent", request.Id, "receive", new { note = "初步判断主板故障" });

    private async Task<ServiceRequestView> JudgeInWarrantyAsync(Guid id, string mode) =>
        await ActAsync("supplier.agent", id, "judge", new
        {
            responsibility = "quality",
            outcome = "inWarranty",
            analysis = "主板电容老化",
            plan = new { mode, scheduledAt = App.Clock.GetUtcNow().AddHours(1), staff = new[] { "孙浩" }, steps = "更换主板并试机 2 小时" },
        });

    /// <summary>R-DSP-2: nobody disputes the quote for 12 h — the window ends met and the judgement is deemed accepted.</summary>
    private async Task<ServiceRequestView> DisputeWindowLapsedAsync()
    {
        var quoted = await JudgePaidAsync((await ReceiveAsync(await FileAsync(Body()))).Id);
        Assert.Equal(DeadlineState.Running, quoted.Deadlines.Single(d => d.Kind == DeadlineKind.DisputeWindow).State);
        App.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        await MonitorAsync();
        var view = await ViewAsync(quoted.Id);
        Assert.Single(view.Timeline, t => t.Action == "deemedAccepted");
        Assert.NotNull(view.JudgementDeemedAcceptedAt);
        return view;
    }

    /// <summary>R-DSP-1, R-DSP-2: the customer disputes the quote, the platform rules 3 h later.</summary>
    private async Task<ServiceRequestView> ArbitratedAsync()
    {
        var disputed = await DisputedAsync();
        Assert.Equal(DeadlineState.Running, disputed.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration).State);
        App.Clock.Advance(TimeSpan.FromHours(3));
        return await ActAsync("platform", disputed.Id, "arbitrate", Ruling());
    }

    /// <summary>R-DSP-2: the supplier objects to the ruling within its window; a senior operator reviews it.</summary>
    private async Task<ServiceRequestView> RulingObjectedAsync()
    {
        var ruled = await ArbitratedAsync();
        Assert.Equal(DeadlineState.Running, ruled.Deadlines.Single(d => d.Kind == DeadlineKind.RulingObjection).State);
        App.Clock.Advance(TimeSpan.FromHours(2));
        return await ActAsync("supplier.agent", ruled.Id, "objectRuling", new { reason = "鉴定前不应认定为质量问题" });
    }

    /// <summary>R-EXE-5: a return-to-factory work order opens the 24 h pickup timer; booking the pickup 3 h later meets it.</summary>
    private async Task<ServiceRequestView> FactoryPickupBookedAsync()
    {
        var (requestId, factory) = await FactoryRepairOrderAsync();
        App.Clock.Advance(TimeSpan.FromHours(3));
        await FactoryStageAsync(factory, "bookPickup", new { carrier = "顺丰速运", trackingNumber = "SF1002003004" });
        return await ViewAsync(requestId);
    }

    /// <summary>R-EXE-5: receipt at the factory opens the 3-working-day return timer; shipping back the next day meets it.</summary>
    private async Task<ServiceRequestView> FactoryReturnShippedAsync()
    {
        var (requestId, factory) = await FactoryRepairOrderAsync();
        await FactoryStageAsync(factory, "bookPickup", new { carrier = "顺丰速运", trackingNumber = "SF1002003004" });
        await FactoryStageAsync(factory, "confirmPickup", new { });
        await FactoryStageAsync(factory, "receiveAtFactory", new { });
        Assert.Equal(DeadlineState.Running, (await ViewAsync(requestId)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryReturn).State);
        await FactoryStageAsync(factory, "recordRepair", new { repairWork = "更换主板" });
        await FactoryStageAsync(factory, "recordTest", new { testResult = "连续运行 4 小时无异常", passed = true });
        App.Clock.Advance(TimeSpan.FromHours(20));
        await FactoryStageAsync(factory, "shipBack", new { carrier = "顺丰速运", trackingNumber = "SF2002003004" });
        return await ViewAsync(requestId);
    }

    private async Task<(Guid RequestId, string FactoryUrl)> FactoryRepairOrderAsync()
    {
        var planned = await JudgeInWarrantyAsync((await ReceiveAsync(await FileAsync(Body("returnToFactory")))).Id, "returnToFactory");
        var agent = await App.ClientForAsync("supplier.agent");
        var order = await agent.CreateWorkOrderAsync(new { requestId = planned.Id.ToString(), kind = "returnToFactory", summary = "控制器返厂维修" });
        Assert.Equal(DeadlineState.Running, (await ViewAsync(planned.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup).State);
        return (planned.Id, $"/api/v1/work-orders/{order.Id}/factory-repair");
    }

    private async Task FactoryStageAsync(string factoryUrl, string stage, object body) =>
        (await (await App.ClientForAsync("supplier.agent")).PostJsonAsync($"{factoryUrl}/{stage}", body)).EnsureSuccessStatusCode();

    private async Task<ServiceRequestView> DisputedAsync()
    {
        var quoted = await JudgePaidAsync((await ReceiveAsync(await FileAsync(Body()))).Id);
        var customer = await App.ClientForAsync("customer");
        var upload = await (await customer.UploadAsync(quoted.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Pdf, "检测报告.pdf")).ReadAsync<AttachmentView>(HttpStatusCode.Created);
        App.Clock.Advance(TimeSpan.FromHours(2));
        return await ActAsync("customer", quoted.Id, "dispute", new { reason = "第三方检测报告证明为质量问题", evidenceAttachmentIds = new[] { upload.Id } });
    }

    private static object Ruling() => new
    {
        responsibility = "quality",
        outcome = "warrantyService",
        decision = "认定为产品质量问题，供应商免费维修",
        reasoning = "依据合同第 5 条及第三方检测报告",
        costs = new { supplierPercent = 100 },
    };

    private async Task<ServiceRequestView> JudgePaidAsync(Guid id) =>
        await ActAsync("supplier.agent", id, "judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            analysis = "外壳撞击变形，属人为损坏",
            quote = new { lines = new[] { new { kind = "parts", description = "控制面板", quantity = 1, unitPrice = new { amount = "800.00", currency = "CNY" } } } },

            // R-JDG-2: the asset is in warranty, so paid work cites the exclusion (impact: tampering).
            exclusion = "tampering",
        });

    private async Task<ServiceRequestView> CompleteAsync(Guid id) =>
        await ActAsync("supplier.engineer", id, "completeService", new { workDone = "更换主板，连续运行 2 小时无异常", result = "设备恢复正常" });

    private async Task<ServiceRequestView> SupplyCertificateAsync(Guid id)
    {
        var customer = await App.ClientForAsync("customer");
        (await customer.UploadAsync(id.ToString(), AttachmentKind.Certificate, SampleFiles.Pdf, "合格证.pdf")).EnsureSuccessStatusCode();
        return await customer.ActAsync(id, "supplyInfo", new { note = "已上传合格证" });
    }

    private async Task<ServiceRequestView> ActAsync(string user, Guid id, string action, object? body = null) =>
        await (await App.ClientForAsync(user)).ActAsync(id, action, body);

    private async Task<ServiceRequestView> ViewAsync(Guid id, string user = "supplier.agent") => await (await App.ClientForAsync(user)).ViewAsync(id);

    private Task<ServiceRequestView> FileAsync(object body, bool withCertificate = true) =>
        new RequestFlow(App).CreateAsync(body: body, withCertificate: withCertificate);

    private static object Body(string mode = "onSite", string? fault = null, string? service = null) => new
    {
        orderNumber = "PO-2026-0001",
        assetSerial = "EQ-0001",
        type = "warrantyRepair",
        symptom = "开机报错 E03",
        impact = "导致生产线停工",
        requestedResolution = mode,
        urgency = "urgent",
        contact = new { name = "张工", phone = "13800000000" },
        faultLevel = fault,
        serviceLevel = service,
    };

    private static string ModeOf(object body) => (string)body.GetType().GetProperty("requestedResolution")!.GetValue(body)!;

    /// <summary>Monitor passes until one finds nothing more to record.</summary>
    private async Task MonitorAsync()
    {
        for (var pass = 0; pass < 20 && (await App.Monitor.RunOnceAsync(Ct)).Total > 0; pass++)
        {
        }
    }

    /// <summary>
    /// Puts both demo suppliers on a version with a target for every kind, once per test class: the first supplier's
    /// manager announces its own; the second supplier has no manager, so the platform admin announces it for them.
    /// </summary>
    private async Task EveryKindInForceAsync()
    {
        var admin = await App.ClientForAsync("admin");
        var supplier = await App.OrganizationOfAsync("supplier.agent");
        var supplier2 = await App.OrganizationOfAsync("supplier2.agent");
        var current = await admin.CurrentAsync(supplier);
        if (current.Name == EveryKindPolicy)
        {
            return;
        }

        var current2 = await admin.CurrentAsync(supplier2);
        await App.PutInForceAsync(
            ("supplier.manager", null, current.Figures.WithEveryKind(), EveryKindPolicy),
            ("admin", supplier2, current2.Figures.WithEveryKind(), EveryKindPolicy));
        Assert.Equal(EveryKindPolicy, (await (await App.ClientForAsync("admin")).CurrentAsync(supplier2)).Name);
    }

    /// <summary>
    /// 杭州远景 buys through the 佛山顺德 dealer (PO-2026-0101, motor MT-0001) and has no demo user: the platform admin
    /// creates one, who files a warranty request with its certificate; the request is routed to the dealer (R-DLR-1).
    /// </summary>
    private async Task<ServiceRequestView> FileAsDealerCustomerAsync()
    {
        var admin = await App.ClientForAsync("admin");
        var customer3 = Assert.Single((await admin.GetAsync<Page<OrganizationView>>("/api/v1/organizations?q=CUS-HZYJ")).Items);
        using (var created = await admin.PostJsonAsync($"/api/v1/organizations/{customer3.Id}/users",
            new { userName = Customer3, displayName = "刘洋", role = Roles.CustomerUser, password = PlatformCalls.NewPassword }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)created.StatusCode}");
        }

        var client = await App.SignInAsync(Customer3, PlatformCalls.NewPassword);
        var body = new
        {
            orderNumber = "PO-2026-0101",
            assetSerial = "MT-0001",
            type = "warrantyRepair",
            symptom = "电机运行异响，温升过高",
            requestedResolution = "onSite",
            urgency = "urgent",
            contact = new { name = "刘洋", phone = "13900000003" },
        };
        var filed = await (await client.PostJsonAsync("/api/v1/service-requests", body)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        (await client.UploadAsync(filed.Id.ToString(), AttachmentKind.Certificate, SampleFiles.Pdf, "合格证.pdf")).EnsureSuccessStatusCode();
        var pending = await client.ActAsync(filed.Id, "supplyInfo", new { note = "已上传合格证" });
        Assert.Equal(ServiceRequestStatus.PendingReceipt, pending.Status);
        return pending;
    }
}
