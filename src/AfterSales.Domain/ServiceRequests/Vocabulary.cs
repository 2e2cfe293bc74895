namespace AfterSales.Domain.ServiceRequests;

/// <summary>售后类型 (R-IN-2).</summary>
public enum ServiceType
{
    /// <summary>质保维修</summary>
    WarrantyRepair,

    /// <summary>付费维修</summary>
    PaidRepair,

    /// <summary>技术支持 (installation guidance, training, remote O&amp;M)</summary>
    TechnicalSupport,

    /// <summary>保养</summary>
    Maintenance,

    /// <summary>定制化售后</summary>
    Customised,

    /// <summary>跨境售后</summary>
    CrossBorder,

    /// <summary>咨询 — may be resolved at intake (R-IN-7)</summary>
    Consultation,
}

/// <summary>期望处理方式 / service mode (R-IN-3, R-JDG-2).</summary>
public enum ServiceMode
{
    Remote,
    OnSite,
    Parts,
    ReturnToFactory,
}

/// <summary>紧急程度 (R-IN-3).</summary>
public enum Urgency
{
    Normal,
    Urgent,
    Critical,
}

/// <summary>受理渠道 (R-IN-1).</summary>
public enum RequestChannel
{
    Portal,
    Api,
    Hotline,
    Email,
    Fax,
    WalkIn,
    SalesRep,
    SocialMedia,
}

/// <summary>附件类型 (R-IN-4, R-ARC-1).</summary>
public enum AttachmentKind
{
    Photo,
    Video,
    /// <summary>产品合格证 — required for warranty service [000].</summary>
    Certificate,
    Log,
    /// <summary>维修/保养报告 — a voucher (R-ARC-1).</summary>
    ServiceReport,
    /// <summary>现场照片 — a voucher (R-ARC-1).</summary>
    SitePhoto,
    Agreement,
    Evidence,
    Other,
}

/// <summary>责任类别 (R-JDG-3).</summary>
public enum Responsibility
{
    /// <summary>质量问题 — supplier bears the cost</summary>
    Quality,

    /// <summary>人为损坏 — customer pays</summary>
    HumanDamage,

    /// <summary>不可抗力 — negotiated</summary>
    ForceMajeure,

    /// <summary>销售差错 (wrong/missing shipment) — seller bears</summary>
    SalesError,

    /// <summary>生产质量问题 — production bears</summary>
    Production,

    /// <summary>待定</summary>
    Undetermined,
}

/// <summary>判定结果 (R-JDG-2).</summary>
public enum JudgementOutcome
{
    /// <summary>属质保范围 → service plan</summary>
    InWarranty,

    /// <summary>非质保 → itemised paid quote</summary>
    Paid,

    /// <summary>需进一步核实</summary>
    NeedsVerification,
}

/// <summary>报价行类别 (R-QUO-1).</summary>
public enum QuoteLineKind
{
    /// <summary>配件费</summary>
    Parts,

    /// <summary>工时费</summary>
    Labour,

    /// <summary>上门费</summary>
    OnSiteFee,

    /// <summary>差旅费</summary>
    Travel,

    /// <summary>服务费</summary>
    Service,

    /// <summary>其他费用 (R-QUO-1: anything the price list names that is none of the above)</summary>
    Other,
}

/// <summary>回访方式 (R-RV-1).</summary>
public enum RevisitChannel
{
    Phone,
    Sms,
    Questionnaire,
}

/// <summary>故障等级 (R-IN-8, [004]).</summary>
public enum FaultLevel
{
    /// <summary>一级（重大故障）: system down or service interrupted &gt; 10 min, or key data lost.</summary>
    Major = 1,

    /// <summary>二级（主要故障）: partial loss of service or danger of collapse.</summary>
    Main = 2,

    /// <summary>三级（次要故障）: function affected, key business not.</summary>
    Minor = 3,
}

/// <summary>服务等级 A/B/C agreed with the customer (R-IN-8, [004]).</summary>
public enum ServiceLevel
{
    A,
    B,
    C,
}
