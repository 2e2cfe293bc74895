namespace AfterSales.Domain.Deadlines;

/// <summary>
/// 时效种类. Each kind is a timer with a start event, a stop event and a target from the policy (R-SLA-1).
/// The statuses that open and close each kind are in <c>ServiceRequests.DeadlineCatalog</c>; the full list
/// with rule ids is docs/deadlines.md.
/// </summary>
public enum DeadlineKind
{
    /// <summary>告知缺失材料: the platform tells the customer what is missing (R-IN-5, 1 h in [000]).</summary>
    IntakeCheck,

    /// <summary>补充材料: the customer supplies what is missing.</summary>
    SupplyInfo,

    /// <summary>受理: the supplier receives the request (R-JDG-1, 2 h in [000]).</summary>
    Receive,

    /// <summary>出具方案/报价: plan or quote after receipt (R-JDG-2, 24 h in [000], 4 h in [002]).</summary>
    Plan,

    /// <summary>核实: verification when the judgement needs more information (R-JDG-2, 12 h in [000]).</summary>
    Verify,

    /// <summary>报价确认: the customer decides on a paid quote.</summary>
    QuoteDecision,

    /// <summary>上门到位: an engineer on site (R-EXE-2, 7 days in [000], 24 h same city in [003], 2 h in [004]).</summary>
    OnSiteArrival,

    /// <summary>远程解决: a remote problem solved (3 days in [000]).</summary>
    RemoteResolution,

    /// <summary>配件到货: parts delivered (replenishment at most 7 days in [000], R-EXE-4).</summary>
    PartsDelivery,

    /// <summary>返厂维修: picked up, repaired and shipped back (24 h + 3 working days in [002], R-EXE-5).</summary>
    FactoryRepair,

    /// <summary>客户验收: the customer accepts or rejects the work (R-ACC-1, 24 h in [000]).</summary>
    Acceptance,

    /// <summary>重新服务: re-service after a rejection (R-ACC-2, 5 days in [000]).</summary>
    Reservice,

    /// <summary>回访: revisit after acceptance (R-RV-1, 48 h [000], 24 h [003], 3 working days [002]).</summary>
    Revisit,

    /// <summary>凭证上传: the voucher set uploaded (R-ARC-1, 3 days in [000]).</summary>
    Vouchers,

    /// <summary>故障级别·回复: reply by fault/service level (R-IN-8; A/B 10 min, C 30 min in [004]); pauses while waiting on the customer.</summary>
    LevelReply,

    /// <summary>故障级别·到场: engineer on site by fault/service level (R-IN-8; 2 h in [004]).</summary>
    LevelArrival,

    /// <summary>故障级别·修复: fixed by fault/service level (R-IN-8, R-EXE-7; 4 h in [004], else an equivalent loaner is owed).</summary>
    LevelFix,

    /// <summary>经销商安排: a dealer arranges a dispatched 三包 task and tells the customer (R-DLR-1, 2 h in [004]).</summary>
    DealerArrangement,

    /// <summary>督办检查: inside sales checks that the dealer arranged it (R-DLR-1, 4 h in [004]).</summary>
    SupervisionCheck,

    /// <summary>异议期: the customer may dispute a judgement or quote (R-DSP-1, 12 h in [000]); silence is acceptance.</summary>
    DisputeWindow,

    /// <summary>平台仲裁: the platform rules on a dispute (R-DSP-2, 24 h in [000]); stands still during a third-party appraisal.</summary>
    Arbitration,

    /// <summary>判定异议期: either party may object to the ruling (R-DSP-2); silence is acceptance.</summary>
    RulingObjection,

    /// <summary>缺货补货: parts ordered for a request arrive within the part's lead time (R-EXE-4: ≤ 7 days, custom parts as disclosed, R-QUO-4).</summary>
    PartsReplenishment,
    /// <summary>返厂取件: pickup booked for a return-to-factory work order (R-EXE-5, 24 h in [002]); opened by the work order.</summary>
    FactoryPickup,

    /// <summary>返厂寄回: the repaired unit shipped back after receipt at the factory (R-EXE-5, 3 working days in [002]).</summary>
    FactoryReturn,
}

/// <summary>Who owes a deadline: its breach is that party's lateness.</summary>
public enum DeadlineParty
{
    Platform,
    Supplier,
    Customer,
    Dealer,
}

/// <summary>State of one deadline as the API shows it (API.md).</summary>
public enum DeadlineState
{
    Running,
    Paused,
    Met,
    Breached,
}
