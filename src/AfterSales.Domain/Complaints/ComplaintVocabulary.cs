namespace AfterSales.Domain.Complaints;

/// <summary>Where a complaint stands (R-CMP-1). Names follow the complaint ledger (投诉台账) of seed 003.</summary>
public enum ComplaintStatus
{
    /// <summary>待核实: filed, to be verified within 24 h (seed 003: 售后部门在24小时内对投诉内容进行核实).</summary>
    Filed,

    /// <summary>已核实: verified, the responsible party named.</summary>
    Verified,

    /// <summary>不成立: verification found the complaint unfounded; the reason is recorded.</summary>
    Rejected,

    /// <summary>处理中: the complained-about party works on a solution.</summary>
    InProgress,

    /// <summary>已处理: handled, with notes and compensation if any; waiting for the complainant's feedback.</summary>
    Handled,

    /// <summary>已关闭: closed with the complainant's feedback.</summary>
    Closed,
}

/// <summary>What a complaint is about.</summary>
public enum ComplaintSubject
{
    /// <summary>一张售后单.</summary>
    Request,

    /// <summary>一名服务人员 (a named user of a supplier or dealer).</summary>
    Person,

    /// <summary>服务总体.</summary>
    Service,
}

/// <summary>How the complaint reached us.</summary>
public enum ComplaintChannel
{
    /// <summary>平台在线提交.</summary>
    Portal,

    /// <summary>400 服务热线.</summary>
    Hotline,

    /// <summary>电子邮件.</summary>
    Email,

    /// <summary>现场.</summary>
    OnSite,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>责任主体 named at verification (seed 003: 产品质量问题、售后人员服务问题、客户使用问题).</summary>
public enum ComplaintResponsibility
{
    /// <summary>产品质量.</summary>
    ProductQuality,

    /// <summary>服务人员.</summary>
    StaffService,

    /// <summary>客户使用.</summary>
    CustomerUse,
}

/// <summary>补偿方式 (seed 003: 维修、更换、减免费用等).</summary>
public enum CompensationKind
{
    /// <summary>无.</summary>
    None,

    /// <summary>减免费用.</summary>
    WaivedFee,

    /// <summary>补偿金额（抵扣额度）.</summary>
    Credit,

    /// <summary>更换.</summary>
    Replacement,
}

/// <summary>The steps a complaint's history records.</summary>
public enum ComplaintStepKind
{
    Filed,
    Verified,
    Rejected,
    HandlingStarted,
    Handled,
    Closed,
    Reopened,
}

/// <summary>Chinese names of the complaint vocabulary, for pages, the ledger export and messages.</summary>
public static class ComplaintNames
{
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Filed => "待核实",
        ComplaintStatus.Verified => "已核实",
        ComplaintStatus.Rejected => "不成立",
        ComplaintStatus.InProgress => "处理中",
        ComplaintStatus.Handled => "已处理",
        ComplaintStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    public static string Subject(ComplaintSubject subject) => subject switch
    {
        ComplaintSubject.Request => "售后单",
        ComplaintSubject.Person => "服务人员",
        ComplaintSubject.Service => "服务总体",
        _ => subject.ToString(),
    };

    public static string Channel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Portal => "平台提交",
        ComplaintChannel.Hotline => "400 电话",
        ComplaintChannel.Email => "电子邮件",
        ComplaintChannel.OnSite => "现场",
        ComplaintChannel.Other => "其他",
        _ => channel.ToString(),
    };

    public static string Responsibility(ComplaintResponsibility responsibility) => responsibility switch
    {
        ComplaintResponsibility.ProductQuality => "产品质量",
        ComplaintResponsibility.StaffService => "服务人员",
        ComplaintResponsibility.CustomerUse => "客户使用",
        _ => responsibility.ToString(),
    };

    public static string Compensation(CompensationKind kind) => kind switch
    {
        CompensationKind.None => "无",
        CompensationKind.WaivedFee => "减免费用",
        CompensationKind.Credit => "补偿金额",
        CompensationKind.Replacement => "更换",
        _ => kind.ToString(),
    };

    public static string Step(ComplaintStepKind kind) => kind switch
    {
        ComplaintStepKind.Filed => "提交投诉",
        ComplaintStepKind.Verified => "核实成立",
        ComplaintStepKind.Rejected => "核实不成立",
        ComplaintStepKind.HandlingStarted => "开始处理",
        ComplaintStepKind.Handled => "处理完成",
        ComplaintStepKind.Closed => "关闭",
        ComplaintStepKind.Reopened => "重新打开",
        _ => kind.ToString(),
    };
}
