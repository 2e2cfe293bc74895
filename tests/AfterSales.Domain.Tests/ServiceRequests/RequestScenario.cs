using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>
/// Drives a service request through the real business verbs to any reachable status, with the parties
/// and the B2B-platform policy preset (seed 000) the demo uses.
/// </summary>
public sealed class RequestScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly Guid CustomerOrg = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid OtherCustomerOrg = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    public static readonly Guid SupplierOrg = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid PlatformOrg = Guid.Parse("00000000-0000-0000-0000-0000000000f1");

    public static Actor Customer { get; } = ActorFor(CustomerOrg, PartyKind.Customer, Roles.CustomerUser, "张伟");
    public static Actor OtherCustomer { get; } = ActorFor(OtherCustomerOrg, PartyKind.Customer, Roles.CustomerUser, "陈静");
    public static Actor Agent { get; } = ActorFor(SupplierOrg, PartyKind.Supplier, Roles.SupplierAgent, "赵丽");
    public static Actor Engineer { get; } = ActorFor(SupplierOrg, PartyKind.Supplier, Roles.SupplierEngineer, "孙浩");
    public static Actor Platform { get; } = ActorFor(PlatformOrg, PartyKind.Platform, Roles.PlatformOperator, "王敏");

    /// <summary>平台管理员: the senior operator who reviews objections to a ruling (R-DSP-2).</summary>
    public static Actor Admin { get; } = ActorFor(PlatformOrg, PartyKind.Platform, Roles.PlatformAdmin, "刘强");

    public static readonly Guid DealerOrg = Guid.Parse("00000000-0000-0000-0000-0000000000d1");

    public RequestScenario(
        ServiceType type = ServiceType.WarrantyRepair,
        string presetKey = PolicyPresets.B2BPlatform,
        bool withCertificate = true,
        ServiceMode mode = ServiceMode.OnSite,
        FaultLevel? fault = null,
        ServiceLevel? service = null,
        bool viaDealer = false,
        decimal orderAmount = 386_000m)
    {
        var preset = PolicyPresets.Get(presetKey);
        Policy = new ServicePolicy(Guid.NewGuid(), "preset:" + presetKey, 1, preset.NameZh, preset.Figures, Start, null, presetKey);
        Rules = new ServiceRules(preset.Figures, WorkingCalendars.BuiltIn[preset.Figures.CalendarId]);
        Now = Start;
        Mode = mode;
        var warranty = new WarrantyDecision(WarrantyStatus.InWarranty, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), 12, ["R-WTY-1"], "在保");
        Request = ServiceRequest.Submit(
            Guid.NewGuid(),
            "SR-2026-000001",
            new ServiceRequestParties(CustomerOrg, SupplierOrg, viaDealer ? DealerOrg : null, Guid.NewGuid(), "PO-2026-0001", Guid.NewGuid(), "EQ-0001", Money.Money.Yuan(orderAmount)),
            new ServiceRequestDetails(type, "开机报错 E03", Start.AddHours(-2), "导致生产线停工", "已重启", mode, Urgency.Urgent, new ContactPerson("张工", "13800000000"), RequestChannel.Portal, fault, service),
            Policy,
            warranty,
            Customer,
            Now,
            Rules);
        if (withCertificate)
        {
            Attach(AttachmentKind.Certificate);
        }
    }

    public ServicePolicy Policy { get; }

    public ServiceRules Rules { get; }

    public ServiceRequest Request { get; }

    public ServiceMode Mode { get; }

    public DateTimeOffset Now { get; private set; }

    public static IReadOnlyList<ServiceRequestStatus> Reachable { get; } =
    [
        ServiceRequestStatus.Submitted, ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.UnderAssessment,
        ServiceRequestStatus.Verifying, ServiceRequestStatus.QuotePending, ServiceRequestStatus.InArbitration, ServiceRequestStatus.Planned, ServiceRequestStatus.InService,
        ServiceRequestStatus.PendingAcceptance, ServiceRequestStatus.Reservice, ServiceRequestStatus.Accepted, ServiceRequestStatus.Revisited,
        ServiceRequestStatus.Closed, ServiceRequestStatus.Cancelled,
    ];

    public static Actor ActorFor(Guid org, PartyKind party, string role, string name) =>
        new(Guid.NewGuid(), name, role, org, party, Roles.Get(role).Grants.ToHashSet());

    public RequestScenario Advance(TimeSpan by)
    {
        Now += by;
        return this;
    }

    public Attachment Attach(AttachmentKind kind, Actor? by = null)
    {
        var actor = by ?? Customer;
        var attachment = new Attachment(Guid.NewGuid(), Request.Id, kind, $"{kind}.pdf", "application/pdf", 100, Guid.NewGuid().ToString("N"), new string('0', 64), Now, actor.Name, actor.OrganizationId);
        Request.AddAttachment(attachment, actor, Now, Rules);
        return attachment;
    }

    /// <summary>A fresh request in <paramref name="status"/>; needsInfo is reached by leaving out the certificate.</summary>
    public static RequestScenario In(ServiceRequestStatus status)
    {
        if (status != ServiceRequestStatus.NeedsInfo)
        {
            return new RequestScenario().To(status);
        }

        var scenario = new RequestScenario(withCertificate: false);
        scenario.Request.Validate(scenario.Now, scenario.Rules);
        return scenario;
    }

    /// <summary>Moves the request to <paramref name="target"/> along the shortest business path.</summary>
    public RequestScenario To(ServiceRequestStatus target)
    {
        if (target == ServiceRequestStatus.Submitted)
        {
            return this;
        }

        if (target == ServiceRequestStatus.NeedsInfo)
        {
            throw new InvalidOperationException("Use a scenario without a certificate to reach needsInfo.");
        }

        Request.Validate(Now, Rules);
        if (target == ServiceRequestStatus.PendingReceipt)
        {
            return this;
        }

        if (target == ServiceRequestStatus.Cancelled)
        {
            Request.Cancel(Customer, "客户已自行解决", Now, Rules);
            return this;
        }

        Request.Receive(Agent, "初步判断主板故障", Now, Rules);
        if (target == ServiceRequestStatus.UnderAssessment)
        {
            return this;
        }

        if (target == ServiceRequestStatus.Verifying)
        {
            Request.Judge(Agent, Responsibility.Undetermined, JudgementOutcome.NeedsVerification, "请提供故障日志", null, null, null, Now, Rules);
            return this;
        }

        if (target is ServiceRequestStatus.QuotePending or ServiceRequestStatus.InArbitration)
        {
            JudgePaid();
            if (target == ServiceRequestStatus.InArbitration)
            {
                RaiseDispute();
            }

            return this;
        }

        JudgeInWarranty();
        if (target == ServiceRequestStatus.Planned)
        {
            return this;
        }

        Request.StartService(Engineer, null, Now, Rules);
        if (target == ServiceRequestStatus.InService)
        {
            return this;
        }

        Complete();
        if (target == ServiceRequestStatus.PendingAcceptance)
        {
            return this;
        }

        if (target == ServiceRequestStatus.Reservice)
        {
            Request.Reject(Customer, ["故障未彻底排除"], [], Now, Rules);
            return this;
        }

        Request.Accept(Customer, new ServiceRating(5, 5, 4), "满意", Now, Rules);
        if (target == ServiceRequestStatus.Accepted)
        {
            return this;
        }

        Request.RecordRevisit(Platform, RevisitChannel.Phone, 5, null, Now, Rules);
        if (target == ServiceRequestStatus.Revisited)
        {
            return this;
        }

        Attach(AttachmentKind.ServiceReport, Agent);
        Attach(AttachmentKind.SitePhoto, Agent);
        Request.Archive(Agent, Now, Rules);
        return this;
    }

    public void JudgeInWarranty() =>
        Request.Judge(Agent, Responsibility.Quality, JudgementOutcome.InWarranty, "主板电容老化", new ServicePlan(Mode, Start.AddDays(1), ["孙浩"], "上门更换主板"), null, null, Now, Rules);

    public void JudgePaid(string? exclusion = "R-WTY-4 人为损坏") =>
        Request.Judge(Agent, Responsibility.HumanDamage, JudgementOutcome.Paid, "外壳有撞击痕迹", new ServicePlan(Mode, null, [], "上门维修"),
            new Quote([new QuoteLine(QuoteLineKind.Parts, "主板", 1, Money.Money.Yuan(2000m)), new QuoteLine(QuoteLineKind.OnSiteFee, "上门费", 1, Money.Money.Yuan(800m))], "CNY", 15, "验收后 30 日内付款"),
            exclusion, Now, Rules);

    /// <summary>The customer disputes the judgement with a test report as evidence (R-DSP-1).</summary>
    public void RaiseDispute()
    {
        var report = Attach(AttachmentKind.Evidence);
        Request.RaiseDispute(Customer, "第三方检测报告证明为质量问题", [report.Id], Now, Rules);
    }

    public void Complete() =>
        Request.CompleteService(Engineer, "更换主板", [new PartUsed("主板", "MB-01", 1)], "设备恢复正常", Now, Rules);
}
