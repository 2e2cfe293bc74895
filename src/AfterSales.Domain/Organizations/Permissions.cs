namespace AfterSales.Domain.Organizations;

/// <summary>
/// Permissions per action (R-ROLE-2). Roles grant them; users hold roles. The grants below are the
/// defaults seeded into the database, where a platform admin can change them.
/// </summary>
public static class Permissions
{
    public const string RequestsCreate = "requests.create";
    public const string RequestsSupplyInfo = "requests.supplyInfo";
    public const string RequestsReceive = "requests.receive";
    public const string RequestsJudge = "requests.judge";
    public const string RequestsDecideQuote = "requests.decideQuote";
    public const string RequestsExecute = "requests.execute";
    public const string RequestsAcceptWork = "requests.acceptWork";
    public const string RequestsRevisit = "requests.revisit";
    public const string RequestsArchive = "requests.archive";
    public const string RequestsCancel = "requests.cancel";
    public const string RequestsResolveAtIntake = "requests.resolveAtIntake";
    public const string RequestsClassify = "requests.classify";
    public const string AttachmentsUpload = "attachments.upload";
    public const string OrdersManage = "orders.manage";
    public const string OrdersAccept = "orders.accept";
    public const string ProductsManage = "products.manage";
    public const string AssetsManage = "assets.manage";
    public const string PoliciesManage = "policies.manage";
    public const string OrganizationsManage = "organizations.manage";
    public const string UsersManage = "users.manage";
    public const string DeadlinesMonitor = "deadlines.monitor";
    public const string PenaltiesWaive = "penalties.waive";
    public const string DepositsRecord = "deposits.record";

    // Complaints (R-CMP-1): file, verify (核实), handle (处理), and suspend staff at fault until retrained.
    public const string ComplaintsFile = "complaints.file";
    public const string ComplaintsVerify = "complaints.verify";
    public const string ComplaintsHandle = "complaints.handle";
    public const string StaffSuspend = "staff.suspend";

    /// <summary>Issue 4 invoices (R-FEE-1): record payments against and void the supplier's own invoices.</summary>
    public const string InvoicesManage = "invoices.manage";

    // Customer abuse controls (R-FRD-1): rule a claim fraudulent (operator), reverse a sanction or blacklisting (admin only).
    public const string CustomerSanctionsRule = "sanctions.rule";
    public const string CustomerSanctionsRevoke = "sanctions.revoke";
    /// <summary>Disputes (R-DSP-1..3): raise, answer, arbitrate (with appraisal), object to a ruling, review an objection (senior operator).</summary>
    public const string DisputesRaise = "disputes.raise";

    public const string DisputesAnswer = "disputes.answer";

    public const string DisputesArbitrate = "disputes.arbitrate";

    public const string DisputesObject = "disputes.object";

    public const string DisputesReview = "disputes.review";
    /// <summary>Supplier ratings (R-RAT-1): run the monthly rating for a month and override a grade with a reason.</summary>
    public const string RatingsManage = "ratings.manage";
    /// <summary>Issue 6 work orders: create, schedule, dispatch and cancel work orders of the supplier's requests (R-EXE-2).</summary>
    public const string WorkOrdersDispatch = "workOrders.dispatch";
    /// <summary>Issue 6 §5 whole-unit replacement (R-EXE-6): approve a replacement work order before it is dispatched.</summary>
    public const string WorkOrdersApproveReplacement = "workOrders.approveReplacement";
    // Issue 6 spare parts (R-EXE-4, R-KPI-4, R-DLR-2/3): catalogue, warehouses, replenishment, transfers, shipments, old parts;
    // reserving, issuing and consuming for a request; the platform's quarterly sampling; the customer's receipt check.
    public const string PartsManage = "parts.manage";
    public const string PartsUse = "parts.use";
    public const string PartsSample = "parts.sample";
    public const string PartsReceive = "parts.receive";
    /// <summary>Issue 6 loaners (R-EXE-7): keep the supplier's loaner pool, issue a loaner to a customer site and reclaim it.</summary>
    public const string LoanersManage = "loaners.manage";

    public static IReadOnlyList<string> All { get; } =
    [
        RequestsCreate, RequestsSupplyInfo, RequestsReceive, RequestsJudge, RequestsDecideQuote, RequestsExecute,
        RequestsAcceptWork, RequestsRevisit, RequestsArchive, RequestsCancel, RequestsResolveAtIntake, RequestsClassify, AttachmentsUpload,
        OrdersManage, OrdersAccept, ProductsManage, AssetsManage, PoliciesManage, OrganizationsManage, UsersManage, DeadlinesMonitor,
        PenaltiesWaive, DepositsRecord, InvoicesManage, PartsManage, PartsUse, PartsSample, PartsReceive,
        ComplaintsFile, ComplaintsVerify, ComplaintsHandle, StaffSuspend,
        CustomerSanctionsRule, CustomerSanctionsRevoke,
        DisputesRaise, DisputesAnswer, DisputesArbitrate, DisputesObject, DisputesReview,
        RatingsManage,
        WorkOrdersDispatch,
        LoanersManage,
        WorkOrdersApproveReplacement,
    ];
}

/// <summary>A role: its party, its Chinese and English names, and its default permissions.</summary>
public sealed record RoleDefinition(string Name, PartyKind Party, string DisplayZh, string DisplayEn, IReadOnlyList<string> Grants);

/// <summary>The roles the product ships with (R-ROLE-2, R-ROLE-3).</summary>
public static class Roles
{
    public const string PlatformOperator = "platformOperator";
    public const string PlatformAdmin = "platformAdmin";
    public const string SupplierAgent = "supplierAgent";
    public const string SupplierEngineer = "supplierEngineer";
    public const string SupplierManager = "supplierManager";
    public const string DealerAgent = "dealerAgent";
    public const string CustomerUser = "customerUser";

    public static IReadOnlyList<RoleDefinition> All { get; } =
    [
        new(PlatformOperator, PartyKind.Platform, "平台运营", "Platform operator",
        [
            Permissions.RequestsRevisit, Permissions.RequestsArchive, Permissions.RequestsCancel, Permissions.RequestsResolveAtIntake,
            Permissions.RequestsClassify, Permissions.AttachmentsUpload, Permissions.DeadlinesMonitor, Permissions.PenaltiesWaive,
            Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend, // complaints (R-CMP-1)
            Permissions.CustomerSanctionsRule, // customer abuse controls (R-FRD-1)
            Permissions.DisputesArbitrate, // disputes (R-DSP-2)
            Permissions.RatingsManage, // supplier ratings (R-RAT-1)
            Permissions.PartsSample, // quarterly parts sampling (R-KPI-4)
        ]),
        new(PlatformAdmin, PartyKind.Platform, "平台管理员", "Platform admin",
        [
            Permissions.RequestsRevisit, Permissions.RequestsArchive, Permissions.RequestsCancel, Permissions.AttachmentsUpload,
            Permissions.DeadlinesMonitor, Permissions.OrganizationsManage, Permissions.UsersManage, Permissions.PoliciesManage,
            Permissions.ProductsManage, Permissions.OrdersManage, Permissions.AssetsManage, Permissions.PenaltiesWaive, Permissions.DepositsRecord,
            Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend, // complaints (R-CMP-1)
            Permissions.CustomerSanctionsRule, Permissions.CustomerSanctionsRevoke, // customer abuse controls (R-FRD-1)
            Permissions.DisputesArbitrate, Permissions.DisputesReview, // disputes: the admin is the senior operator who reviews objections (R-DSP-2)
            Permissions.RatingsManage, // supplier ratings (R-RAT-1)
            Permissions.PartsSample, // quarterly parts sampling (R-KPI-4)
        ]),
        new(SupplierAgent, PartyKind.Supplier, "售后客服", "Service agent",
        [
            Permissions.RequestsReceive, Permissions.RequestsJudge, Permissions.RequestsArchive, Permissions.RequestsCancel,
            Permissions.RequestsResolveAtIntake, Permissions.RequestsExecute, Permissions.RequestsClassify, Permissions.AttachmentsUpload,
            Permissions.OrdersManage, Permissions.ProductsManage, Permissions.AssetsManage, Permissions.InvoicesManage,
            Permissions.ComplaintsFile, Permissions.ComplaintsHandle, // complaints (R-CMP-1)
            Permissions.DisputesAnswer, Permissions.DisputesObject, // disputes (R-DSP-1, R-DSP-2)
            Permissions.WorkOrdersDispatch, // issue 6 work orders
            Permissions.PartsManage, Permissions.PartsUse, // spare parts (R-EXE-4)
            Permissions.LoanersManage, // loaners (R-EXE-7)
        ]),
        new(SupplierEngineer, PartyKind.Supplier, "售后工程师", "Service engineer",
        [
            Permissions.RequestsJudge, Permissions.RequestsExecute, Permissions.AttachmentsUpload,
            Permissions.ComplaintsFile, // complaints (R-CMP-1)
            Permissions.PartsUse, // reserve, issue and consume parts, e.g. from the van (R-EXE-4)
        ]),
        new(SupplierManager, PartyKind.Supplier, "售后经理", "Service manager",
        [
            Permissions.RequestsReceive, Permissions.RequestsJudge, Permissions.RequestsExecute, Permissions.RequestsArchive,
            Permissions.RequestsCancel, Permissions.RequestsResolveAtIntake, Permissions.RequestsRevisit, Permissions.RequestsClassify, Permissions.AttachmentsUpload,
            Permissions.OrdersManage, Permissions.ProductsManage, Permissions.AssetsManage, Permissions.PoliciesManage, Permissions.InvoicesManage,
            Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend, // complaints (R-CMP-1)
            Permissions.DisputesAnswer, Permissions.DisputesObject, // disputes (R-DSP-1, R-DSP-2)
            Permissions.WorkOrdersDispatch, // issue 6 work orders
            Permissions.PartsManage, Permissions.PartsUse, // spare parts (R-EXE-4)
            Permissions.LoanersManage, // loaners (R-EXE-7)
            Permissions.WorkOrdersApproveReplacement, // whole-unit replacement approval (R-EXE-6)
        ]),
        new(DealerAgent, PartyKind.Dealer, "经销商服务", "Dealer service",
        [
            Permissions.RequestsReceive, Permissions.RequestsJudge, Permissions.RequestsExecute, Permissions.RequestsClassify, Permissions.AttachmentsUpload,
            Permissions.ComplaintsFile, Permissions.ComplaintsHandle, // complaints (R-CMP-1)
        ]),
        new(CustomerUser, PartyKind.Customer, "客户", "Customer",
        [
            Permissions.RequestsCreate, Permissions.RequestsSupplyInfo, Permissions.RequestsDecideQuote, Permissions.RequestsAcceptWork,
            Permissions.RequestsCancel, Permissions.AttachmentsUpload, Permissions.OrdersAccept,
            Permissions.ComplaintsFile, // complaints (R-CMP-1)
            Permissions.DisputesRaise, Permissions.DisputesObject, // disputes (R-DSP-1, R-DSP-2)
            Permissions.PartsReceive, // 签收验货 of parts shipments (R-EXE-4)
        ]),
    ];

    public static RoleDefinition Get(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown role.");
}
