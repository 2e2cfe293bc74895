using AfterSales.Domain.Organizations;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>售后单状态 (API.md workflow).</summary>
public enum ServiceRequestStatus
{
    /// <summary>已提交</summary>
    Submitted,

    /// <summary>待补充材料 (R-IN-5)</summary>
    NeedsInfo,

    /// <summary>待受理</summary>
    PendingReceipt,

    /// <summary>审核判定中</summary>
    UnderAssessment,

    /// <summary>核实中 (R-JDG-2)</summary>
    Verifying,

    /// <summary>待确认报价</summary>
    QuotePending,

    /// <summary>已出方案，待服务</summary>
    Planned,

    /// <summary>平台仲裁中 (R-DSP-2)</summary>
    InArbitration,

    /// <summary>服务中</summary>
    InService,

    /// <summary>待验收</summary>
    PendingAcceptance,

    /// <summary>重新服务 (R-ACC-2)</summary>
    Reservice,

    /// <summary>已验收</summary>
    Accepted,

    /// <summary>已回访</summary>
    Revisited,

    /// <summary>已归档关闭</summary>
    Closed,

    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>售后单动作: each one a route segment of <c>POST /service-requests/{id}/{action}</c>.</summary>
public enum ServiceRequestAction
{
    /// <summary>平台自动校验 (system)</summary>
    Validate,
    SupplyInfo,
    ResolveAtIntake,
    Receive,
    Judge,
    AcceptQuote,
    DeclineQuote,
    StartService,
    CompleteService,
    Accept,
    Reject,
    Revisit,
    Archive,
    Cancel,

    /// <summary>调整故障/服务等级 (R-IN-8): the status stays; the level deadlines follow.</summary>
    ClassifyLevel,

    /// <summary>提出争议 (R-DSP-1): the customer objects to the judgement or quote; the platform arbitrates.</summary>
    Dispute,

    /// <summary>供应商答辩 (R-DSP-1).</summary>
    AnswerDispute,

    /// <summary>送第三方鉴定 (R-DSP-3).</summary>
    SendToAppraisal,

    /// <summary>登记鉴定结果 (R-DSP-3).</summary>
    RecordAppraisal,

    /// <summary>平台仲裁 (R-DSP-2): the ruling moves the request on.</summary>
    Arbitrate,

    /// <summary>对判定意见书提出异议 (R-DSP-2): either party, within the window; the status stays.</summary>
    ObjectRuling,

    /// <summary>上级复核 (R-DSP-2): a senior operator upholds or amends an objected ruling.</summary>
    ReviewRuling,
}

/// <summary>
/// The one transition table of the service-request loop (申请→处理→验收→归档), who may take each action,
/// and which permission it needs (R-ROLE-2). Nothing else decides whether a move is allowed.
/// </summary>
public static class ServiceRequestWorkflow
{
    private static readonly ServiceRequestStatus[] EarlyStates =
    [
        ServiceRequestStatus.Submitted, ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.PendingReceipt,
        ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Verifying, ServiceRequestStatus.QuotePending,
        ServiceRequestStatus.Planned,
    ];

    public static IReadOnlyDictionary<(ServiceRequestStatus From, ServiceRequestAction Action), ServiceRequestStatus[]> Transitions { get; } =
        BuildTransitions();

    /// <summary>The party that takes each action; the platform may stand in only where listed.</summary>
    public static IReadOnlyDictionary<ServiceRequestAction, PartyKind[]> Parties { get; } = new Dictionary<ServiceRequestAction, PartyKind[]>
    {
        [ServiceRequestAction.Validate] = [PartyKind.Platform],
        [ServiceRequestAction.SupplyInfo] = [PartyKind.Customer],
        [ServiceRequestAction.ResolveAtIntake] = [PartyKind.Supplier, PartyKind.Platform],
        [ServiceRequestAction.Receive] = [PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.Judge] = [PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.AcceptQuote] = [PartyKind.Customer],
        [ServiceRequestAction.DeclineQuote] = [PartyKind.Customer],
        [ServiceRequestAction.StartService] = [PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.CompleteService] = [PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.Accept] = [PartyKind.Customer],
        [ServiceRequestAction.Reject] = [PartyKind.Customer],
        [ServiceRequestAction.Revisit] = [PartyKind.Platform, PartyKind.Supplier],
        [ServiceRequestAction.Archive] = [PartyKind.Supplier, PartyKind.Platform],
        [ServiceRequestAction.Cancel] = [PartyKind.Customer, PartyKind.Supplier, PartyKind.Platform],
        [ServiceRequestAction.ClassifyLevel] = [PartyKind.Supplier, PartyKind.Dealer, PartyKind.Platform],
        [ServiceRequestAction.Dispute] = [PartyKind.Customer],
        [ServiceRequestAction.AnswerDispute] = [PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.SendToAppraisal] = [PartyKind.Platform],
        [ServiceRequestAction.RecordAppraisal] = [PartyKind.Platform],
        [ServiceRequestAction.Arbitrate] = [PartyKind.Platform],
        [ServiceRequestAction.ObjectRuling] = [PartyKind.Customer, PartyKind.Supplier, PartyKind.Dealer],
        [ServiceRequestAction.ReviewRuling] = [PartyKind.Platform],
    };

    public static IReadOnlyDictionary<ServiceRequestAction, string> RequiredPermission { get; } = new Dictionary<ServiceRequestAction, string>
    {
        [ServiceRequestAction.Validate] = string.Empty,
        [ServiceRequestAction.SupplyInfo] = Permissions.RequestsSupplyInfo,
        [ServiceRequestAction.ResolveAtIntake] = Permissions.RequestsResolveAtIntake,
        [ServiceRequestAction.Receive] = Permissions.RequestsReceive,
        [ServiceRequestAction.Judge] = Permissions.RequestsJudge,
        [ServiceRequestAction.AcceptQuote] = Permissions.RequestsDecideQuote,
        [ServiceRequestAction.DeclineQuote] = Permissions.RequestsDecideQuote,
        [ServiceRequestAction.StartService] = Permissions.RequestsExecute,
        [ServiceRequestAction.CompleteService] = Permissions.RequestsExecute,
        [ServiceRequestAction.Accept] = Permissions.RequestsAcceptWork,
        [ServiceRequestAction.Reject] = Permissions.RequestsAcceptWork,
        [ServiceRequestAction.Revisit] = Permissions.RequestsRevisit,
        [ServiceRequestAction.Archive] = Permissions.RequestsArchive,
        [ServiceRequestAction.Cancel] = Permissions.RequestsCancel,
        [ServiceRequestAction.ClassifyLevel] = Permissions.RequestsClassify,
        [ServiceRequestAction.Dispute] = Permissions.DisputesRaise,
        [ServiceRequestAction.AnswerDispute] = Permissions.DisputesAnswer,
        [ServiceRequestAction.SendToAppraisal] = Permissions.DisputesArbitrate,
        [ServiceRequestAction.RecordAppraisal] = Permissions.DisputesArbitrate,
        [ServiceRequestAction.Arbitrate] = Permissions.DisputesArbitrate,
        [ServiceRequestAction.ObjectRuling] = Permissions.DisputesObject,
        [ServiceRequestAction.ReviewRuling] = Permissions.DisputesReview,
    };

    /// <summary>
    /// R-DSP-2: objecting to a ruling and reviewing the objection are steps of a ruled dispute, not of the status: they
    /// come whatever the request has moved on to since (a ruling that closed it included). The verbs refuse them while
    /// there is no ruling, or no objection, as a move the request is not at.
    /// </summary>
    public static IReadOnlySet<ServiceRequestAction> RulingSteps { get; } = new HashSet<ServiceRequestAction>
    {
        ServiceRequestAction.ObjectRuling, ServiceRequestAction.ReviewRuling,
    };

    /// <summary>Whether the action may come in this status: by the table, or as a ruling step.</summary>
    public static bool Permits(ServiceRequestStatus from, ServiceRequestAction action) =>
        Allows(from, action) || (RulingSteps.Contains(action) && from != ServiceRequestStatus.Cancelled);

    public static bool IsTerminal(ServiceRequestStatus status) =>
        status is ServiceRequestStatus.Closed or ServiceRequestStatus.Cancelled;

    public static bool Allows(ServiceRequestStatus from, ServiceRequestAction action) => Transitions.ContainsKey((from, action));

    public static IEnumerable<ServiceRequestAction> ActionsFrom(ServiceRequestStatus from) =>
        Transitions.Keys.Where(k => k.From == from).Select(k => k.Action).Concat(RulingSteps.Where(a => Permits(from, a)));

    private static Dictionary<(ServiceRequestStatus, ServiceRequestAction), ServiceRequestStatus[]> BuildTransitions()
    {
        var table = new Dictionary<(ServiceRequestStatus, ServiceRequestAction), ServiceRequestStatus[]>
        {
            // R-IN-5: automatic validation on submit; missing materials → needsInfo.
            [(ServiceRequestStatus.Submitted, ServiceRequestAction.Validate)] = [ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.PendingReceipt],
            [(ServiceRequestStatus.NeedsInfo, ServiceRequestAction.SupplyInfo)] = [ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.PendingReceipt],

            // R-IN-7: simple questions answered and closed at once.
            [(ServiceRequestStatus.Submitted, ServiceRequestAction.ResolveAtIntake)] = [ServiceRequestStatus.Closed],
            [(ServiceRequestStatus.PendingReceipt, ServiceRequestAction.ResolveAtIntake)] = [ServiceRequestStatus.Closed],

            // R-JDG-1, R-JDG-2
            [(ServiceRequestStatus.PendingReceipt, ServiceRequestAction.Receive)] = [ServiceRequestStatus.UnderAssessment],
            [(ServiceRequestStatus.UnderAssessment, ServiceRequestAction.Judge)] =
                [ServiceRequestStatus.Planned, ServiceRequestStatus.QuotePending, ServiceRequestStatus.Verifying],
            [(ServiceRequestStatus.Verifying, ServiceRequestAction.Judge)] = [ServiceRequestStatus.Planned, ServiceRequestStatus.QuotePending],
            [(ServiceRequestStatus.Verifying, ServiceRequestAction.SupplyInfo)] = [ServiceRequestStatus.Verifying],

            // R-QUO-1: the customer confirms a paid quote electronically before work starts.
            [(ServiceRequestStatus.QuotePending, ServiceRequestAction.AcceptQuote)] = [ServiceRequestStatus.Planned],
            [(ServiceRequestStatus.QuotePending, ServiceRequestAction.DeclineQuote)] = [ServiceRequestStatus.Cancelled],

            [(ServiceRequestStatus.Planned, ServiceRequestAction.StartService)] = [ServiceRequestStatus.InService],
            [(ServiceRequestStatus.InService, ServiceRequestAction.CompleteService)] = [ServiceRequestStatus.PendingAcceptance],
            [(ServiceRequestStatus.Reservice, ServiceRequestAction.CompleteService)] = [ServiceRequestStatus.PendingAcceptance],

            // R-ACC-1, R-ACC-2
            [(ServiceRequestStatus.PendingAcceptance, ServiceRequestAction.Accept)] = [ServiceRequestStatus.Accepted],
            [(ServiceRequestStatus.PendingAcceptance, ServiceRequestAction.Reject)] = [ServiceRequestStatus.Reservice],

            // R-RV-1: dissatisfaction at revisit reopens handling.
            [(ServiceRequestStatus.Accepted, ServiceRequestAction.Revisit)] = [ServiceRequestStatus.Revisited, ServiceRequestStatus.Reservice],

            // R-ARC-1
            [(ServiceRequestStatus.Revisited, ServiceRequestAction.Archive)] = [ServiceRequestStatus.Closed],

            // R-DSP-1..3: a dispute of the judgement or quote goes to the platform; its ruling moves the request on.
            [(ServiceRequestStatus.Planned, ServiceRequestAction.Dispute)] = [ServiceRequestStatus.InArbitration],
            [(ServiceRequestStatus.QuotePending, ServiceRequestAction.Dispute)] = [ServiceRequestStatus.InArbitration],
            [(ServiceRequestStatus.InArbitration, ServiceRequestAction.AnswerDispute)] = [ServiceRequestStatus.InArbitration],
            [(ServiceRequestStatus.InArbitration, ServiceRequestAction.SendToAppraisal)] = [ServiceRequestStatus.InArbitration],
            [(ServiceRequestStatus.InArbitration, ServiceRequestAction.RecordAppraisal)] = [ServiceRequestStatus.InArbitration],
            [(ServiceRequestStatus.InArbitration, ServiceRequestAction.Arbitrate)] =
                [ServiceRequestStatus.Planned, ServiceRequestStatus.QuotePending, ServiceRequestStatus.Closed],
        };

        foreach (var state in EarlyStates)
        {
            table[(state, ServiceRequestAction.Cancel)] = [ServiceRequestStatus.Cancelled];
        }

        foreach (var state in Enum.GetValues<ServiceRequestStatus>().Where(s => !IsTerminal(s)))
        {
            table[(state, ServiceRequestAction.ClassifyLevel)] = [state];
        }

        return table;
    }
}
