using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>The Chinese words a service department uses, for messages and timeline notes (docs/glossary.md).</summary>
public static class StatusNames
{
    public static string Chinese(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.Submitted => "已提交",
        ServiceRequestStatus.NeedsInfo => "待补充材料",
        ServiceRequestStatus.PendingReceipt => "待受理",
        ServiceRequestStatus.UnderAssessment => "审核判定中",
        ServiceRequestStatus.Verifying => "核实中",
        ServiceRequestStatus.QuotePending => "待确认报价",
        ServiceRequestStatus.Planned => "待服务",
        ServiceRequestStatus.InArbitration => "平台仲裁中",
        ServiceRequestStatus.InService => "服务中",
        ServiceRequestStatus.PendingAcceptance => "待验收",
        ServiceRequestStatus.Reservice => "重新服务",
        ServiceRequestStatus.Accepted => "已验收",
        ServiceRequestStatus.Revisited => "已回访",
        ServiceRequestStatus.Closed => "已归档",
        ServiceRequestStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };
}

public static class ActionNames
{
    public static string Chinese(ServiceRequestAction action) => action switch
    {
        ServiceRequestAction.Validate => "平台校验",
        ServiceRequestAction.SupplyInfo => "补充材料",
        ServiceRequestAction.ResolveAtIntake => "当场解答并关闭",
        ServiceRequestAction.Receive => "受理",
        ServiceRequestAction.Judge => "责任判定",
        ServiceRequestAction.AcceptQuote => "确认报价",
        ServiceRequestAction.DeclineQuote => "拒绝报价",
        ServiceRequestAction.StartService => "开始服务",
        ServiceRequestAction.CompleteService => "完成服务",
        ServiceRequestAction.Accept => "验收合格",
        ServiceRequestAction.Reject => "验收不合格",
        ServiceRequestAction.Revisit => "回访",
        ServiceRequestAction.Archive => "归档",
        ServiceRequestAction.Cancel => "取消",
        ServiceRequestAction.ClassifyLevel => "调整故障等级",
        ServiceRequestAction.Dispute => "提出争议",
        ServiceRequestAction.AnswerDispute => "供应商答辩",
        ServiceRequestAction.SendToAppraisal => "送第三方鉴定",
        ServiceRequestAction.RecordAppraisal => "登记鉴定结果",
        ServiceRequestAction.Arbitrate => "平台仲裁",
        ServiceRequestAction.ObjectRuling => "对判定提出异议",
        ServiceRequestAction.ReviewRuling => "上级复核",
        _ => action.ToString(),
    };
}

public static class DeadlineKindNames
{
    public static string Chinese(DeadlineKind kind) => kind switch
    {
        DeadlineKind.IntakeCheck => "告知补充材料",
        DeadlineKind.SupplyInfo => "客户补充材料",
        DeadlineKind.Receive => "受理",
        DeadlineKind.Plan => "出具方案/报价",
        DeadlineKind.Verify => "核实",
        DeadlineKind.QuoteDecision => "确认报价",
        DeadlineKind.OnSiteArrival => "上门到位",
        DeadlineKind.RemoteResolution => "远程解决",
        DeadlineKind.PartsDelivery => "配件到货",
        DeadlineKind.FactoryRepair => "返厂维修",
        DeadlineKind.Acceptance => "客户验收",
        DeadlineKind.Reservice => "重新服务",
        DeadlineKind.Revisit => "回访",
        DeadlineKind.Vouchers => "上传服务凭证",
        DeadlineKind.LevelReply => "分级回复",
        DeadlineKind.LevelArrival => "分级到场",
        DeadlineKind.LevelFix => "分级修复",
        DeadlineKind.DealerArrangement => "经销商安排",
        DeadlineKind.SupervisionCheck => "督办检查",
        DeadlineKind.DisputeWindow => "争议异议期",
        DeadlineKind.Arbitration => "平台仲裁",
        DeadlineKind.RulingObjection => "判定异议期",
        DeadlineKind.PartsReplenishment => "缺货补货",
        DeadlineKind.FactoryPickup => "返厂取件",
        DeadlineKind.FactoryReturn => "返厂寄回",
        _ => kind.ToString(),
    };
}

public static class AttachmentKindNames
{
    public static string Chinese(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Photo => "故障照片",
        AttachmentKind.Video => "故障视频",
        AttachmentKind.Certificate => "产品合格证",
        AttachmentKind.Log => "运行日志",
        AttachmentKind.ServiceReport => "维修/保养报告",
        AttachmentKind.SitePhoto => "现场照片",
        AttachmentKind.Agreement => "协议",
        AttachmentKind.Evidence => "佐证材料",
        AttachmentKind.Other => "其他",
        _ => kind.ToString(),
    };
}

public static class LevelNames
{
    public static string Chinese(FaultLevel level) => level switch
    {
        FaultLevel.Major => "一级（重大故障）",
        FaultLevel.Main => "二级（主要故障）",
        FaultLevel.Minor => "三级（次要故障）",
        _ => level.ToString(),
    };
}

public static class EscalationNames
{
    public static string Chinese(Policies.EscalationTarget target) => target switch
    {
        Policies.EscalationTarget.Handler => "经办人",
        Policies.EscalationTarget.SupplierManager => "供应商售后经理",
        Policies.EscalationTarget.Platform => "平台运营",
        _ => target.ToString(),
    };
}
