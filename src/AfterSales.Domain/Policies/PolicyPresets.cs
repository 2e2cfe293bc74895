using System.Collections.ObjectModel;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Policies;

/// <summary>
/// A shipped policy preset: the figures of one seed document (REQUIREMENTS §13, R-SLA-1). A supplier's own
/// <see cref="ServicePolicy"/> starts as a copy of one and keeps its key in <see cref="ServicePolicy.PresetKey"/>.
/// </summary>
/// <param name="Key">Stable key, one of the <see cref="PolicyPresets"/> constants.</param>
/// <param name="NameZh">Name shown on the policy page (Simplified Chinese, R-X-2).</param>
/// <param name="NameEn">Name shown when the UI is switched to English (R-X-2).</param>
/// <param name="Seed">The seed file (shared/seeds) every figure of the preset comes from.</param>
/// <param name="SummaryZh">One line of the preset's headline figures for the policy page.</param>
/// <param name="Figures">The seed's figures; a <see cref="ServicePolicy"/> made from the preset copies them.</param>
public sealed record PolicyPreset(string Key, string NameZh, string NameEn, string Seed, string SummaryZh, PolicyFigures Figures);

/// <summary>
/// The five policy presets the product ships, one per seed, each holding exactly that seed's figures (R-SLA-1).
/// A deadline kind the seed states no figure for is left out and so opens no deadline: no preset fills a gap
/// with a number and credits it to the seed. Where <see cref="PolicyFigures"/> needs a value the seed does not
/// give (warning percent, a warranty term, retention), the preset uses a product default and says so in a comment.
/// Commitments the workflow does not model yet are kept, in the seed's words, in <see cref="PolicyFigures.Notes"/>.
/// </summary>
public static class PolicyPresets
{
    /// <summary>
    /// 企购购 B2B 采购平台, seed 000_652364d6b53e1fb6.txt: 材料不全 1 小时内反馈, 2 小时内接收, 24 小时内出具方案,
    /// 12 小时内核实, 远程 3 日内解决, 上门 7 日内到位, 补货不超过 7 日, 24 小时内验收, 5 日内重新服务, 48 小时内回访,
    /// 3 日内上传凭证; 质保设备 1 年、配件 6 个月, 维修后配件 3 个月; 超 5 万元签协议; 留存至少 3 年.
    /// </summary>
    public const string B2BPlatform = "b2b-platform";

    /// <summary>
    /// 家居窗帘供应商, seed 001_98ca1e064ea64265.txt: 2 年质保; 同一硬件一个月内连续多次同一故障无偿更换.
    /// Its response times are blank in the source ("XX 分钟"), so the preset has no deadlines.
    /// </summary>
    public const string FurnishingSupplier = "furnishing-supplier";

    /// <summary>
    /// 西隆电缆, seed 002_8ed5760d083bf5eb.txt: 复杂问题 1 小时内转交, 2 小时内联系客户, 4 小时内制定方案,
    /// 返厂 24 小时内取件、修复后 3 个工作日内寄回, 服务完成后 3 个工作日内回访; no warranty term stated.
    /// </summary>
    public const string CableManufacturer = "cable-manufacturer";

    /// <summary>
    /// 工厂 (中山天伟电机), seed 003_3d3db9e15839e08f.txt: 1 小时内响应, 简单故障 24 小时内解决, 同城 24 小时
    /// (异地 48 小时) 到达, 24 小时内回访; 默认质保 12 个月, 凭合格证、销售凭证、验收单; 档案保存至质保期满后 2 年.
    /// </summary>
    public const string Factory = "factory";

    /// <summary>
    /// 农机公司经销商三包与运维服务方案, seed 004_77945ab4b342d4aa.txt: 半小时内响应, 2 小时内做出安排,
    /// 2 小时内到场, 4 小时内处理完毕 / 备件运抵; 两年保修; 三包回执卡 20 天内返回; 维修记录保存 5 年.
    /// </summary>
    public const string MachineryDealer = "machinery-dealer";

    // R-SLA-3: no seed states a percentage ([000] and [004] only ask for automatic warnings), so every preset
    // takes the product default REQUIREMENTS names.
    private const int DefaultWarningPercent = 80;

    // R-ARC-2: the lowest retention any seed states ([000] 3 years); used where a seed states none.
    private const int DefaultRetentionYears = 3;

    // R-WTY-1: "无明确标注的,默认质保期为12个月" [003]; the product's default where a seed states no term.
    private const int DefaultWarrantyMonths = 12;

    public static IReadOnlyList<PolicyPreset> All { get; } =
    [
        CreateB2BPlatform(),
        CreateFurnishingSupplier(),
        CreateCableManufacturer(),
        CreateFactory(),
        CreateMachineryDealer(),
    ];

    public static PolicyPreset Get(string key) =>
        All.FirstOrDefault(preset => string.Equals(preset.Key, key, StringComparison.Ordinal))
        ?? throw new ArgumentOutOfRangeException(nameof(key), key,
            $"Unknown policy preset '{key}'. Known presets: {string.Join(", ", All.Select(preset => preset.Key))}.");

    /// <summary>Seed 000: every figure is the platform's own (阶段 1–5, 三方职责, 特殊场景).</summary>
    private static PolicyPreset CreateB2BPlatform() => new(
        B2BPlatform,
        "企购购 B2B 采购平台售后政策",
        "B2B procurement platform (企购购)",
        "000_652364d6b53e1fb6.txt",
        "1 小时告知缺件、2 小时接收、24 小时出方案、12 小时核实；远程 3 日、上门 7 日、补货 7 日；24 小时验收、5 日重新服务、"
        + "48 小时回访、3 日上传凭证；设备质保 12 个月、配件 6 个月、维修配件 3 个月；超 5 万元签协议；留存 3 年。",
        new PolicyFigures
        {
            // R-SLA-2: the seed counts rule-change notice in working days ("提前 7 个工作日在平台公示"); its request
            // deadlines below are all clock hours and days ("2 小时内", "3 日内"), so they run around the clock anyway.
            CalendarId = WorkingCalendars.Cn918Id,
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>
            {
                // R-IN-5: "材料不全时,1 小时内反馈客户补充"
                [DeadlineKind.IntakeCheck] = DeadlineTarget.Hours(1),
                // R-JDG-1: "供应商售后团队在 2 小时内接收申请"
                [DeadlineKind.Receive] = DeadlineTarget.Hours(2),
                // R-JDG-2: "24 小时内出具《售后服务方案》"
                [DeadlineKind.Plan] = DeadlineTarget.Hours(24),
                // R-JDG-2: "需进一步核实 … 12 小时内完成核实"
                [DeadlineKind.Verify] = DeadlineTarget.Hours(12),
                // R-EXE-2: "上门服务 7 日内到位"
                [DeadlineKind.OnSiteArrival] = DeadlineTarget.Days(7),
                // "远程问题 3 日内解决"
                [DeadlineKind.RemoteResolution] = DeadlineTarget.Days(3),
                // R-EXE-4: "如无库存需明确补货周期,最长不超过 7 日"
                [DeadlineKind.PartsDelivery] = DeadlineTarget.Days(7),
                // R-ACC-1: "客户在服务完成后 24 小时内 … 验收"
                [DeadlineKind.Acceptance] = DeadlineTarget.Hours(24),
                // R-ACC-2: "重新服务需在 5 日内完成"
                [DeadlineKind.Reservice] = DeadlineTarget.Days(5),
                // R-RV-1: "平台在验收完成后 48 小时内 … 回访客户"
                [DeadlineKind.Revisit] = DeadlineTarget.Hours(48),
                // R-ARC-1: "供应商在 3 日内上传完整服务凭证至平台"
                [DeadlineKind.Vouchers] = DeadlineTarget.Days(3),

                // R-DSP-1: "客户对责任判定 / 报价有异议:可在 12 小时内提交反驳材料 … 申请平台介入"
                [DeadlineKind.DisputeWindow] = DeadlineTarget.Hours(12),
                // R-DSP-2: "平台仲裁 … 24 小时内出具《售后责任判定意见书》"
                [DeadlineKind.Arbitration] = DeadlineTarget.Hours(24),
                // R-DSP-2: "双方逾期未异议视为认可" names no period; we give the parties the same 12 h the customer had
                // to dispute the judgement.
                [DeadlineKind.RulingObjection] = DeadlineTarget.Hours(12),

                // No figure in the seed, so no deadline: SupplyInfo, QuoteDecision, FactoryRepair.
            }.AsReadOnly(),
            WarningPercent = DefaultWarningPercent,
            Warranty = new WarrantyTerms
            {
                // R-WTY-1: the seed names only the two categories ("如设备 1 年、配件 6 个月"); anything else falls back
                // to the product default.
                DefaultMonths = DefaultWarrantyMonths,
                MonthsByCategory = new Dictionary<string, int>(StringComparer.Ordinal)
                {
                    [ProductCategories.Equipment] = 12,
                    [ProductCategories.Parts] = 6,
                }.AsReadOnly(),
                // R-WTY-2: "维修后配件质保 3 个月"
                RepairedPartMonths = 3,
                // The seed has no dealer card and no repeat-fault replacement; RepeatFault* keep the type's values,
                // which only [001] states.
                DealerCardDays = null,
            },
            // R-IN-4: "产品合格证(质保期内需提供)"
            RequiredMaterials = new Dictionary<ServiceType, IReadOnlyList<AttachmentKind>>
            {
                [ServiceType.WarrantyRepair] = [AttachmentKind.Certificate],
            }.AsReadOnly(),
            // R-ARC-1: "《服务方案》《验收单》《维修 / 保养报告》、现场照片"; the plan and the acceptance form are
            // generated by the system, so the supplier uploads the report and the photos.
            VoucherKinds = [AttachmentKind.ServiceReport, AttachmentKind.SitePhoto],
            // R-QUO-3: "金额超【5 万元】的质保外服务,需签订《售后服务协议》"
            AgreementThresholdCny = 50_000m,
            Penalties =
            [
                // R-PEN-2: "平台从供应商保证金中扣除违约金(如逾期响应扣 500 元/次…)" — charged when the breach is recorded.
                new PenaltyRule("late-response-deposit", "逾期响应扣保证金", [DeadlineKind.Receive], PenaltyBasis.FixedPerBreach, 500m,
                    PenaltyAccount.SupplierDeposit, TimeSpan.Zero, "R-PEN-2"),
                // R-PEN-1: "按约定响应(2 小时内)、出具方案(24 小时内)、执行服务(如上门 7 日内到位),逾期需赔偿客户损失
                // (按合同约定,如'每逾期 1 日赔偿订单金额的 0.1%')" — a started day counts, assessed when the deadline is met.
                new PenaltyRule("late-per-day-compensation", "逾期赔偿客户", [DeadlineKind.Receive, DeadlineKind.Plan, DeadlineKind.OnSiteArrival,
                    DeadlineKind.RemoteResolution, DeadlineKind.PartsDelivery], PenaltyBasis.PercentOfOrderPerDayLate, 0.1m,
                    PenaltyAccount.CustomerCompensation, TimeSpan.Zero, "R-PEN-1"),
            ],
            // R-ARC-2: "留存至少 3 年"
            RetentionYears = 3,
            RetentionAfterWarrantyYears = null,
            // Issue 4 invoices, R-FEE-1: "质保期外服务在验收合格后付款,客户逾期按日支付 0.05% 违约金"
            LatePaymentPercentPerDay = 0.05m,
            Notes =
            [
                "供应商逾期履行时效承诺，按合同赔偿客户损失，如每逾期 1 日赔偿订单金额的 0.1%（R-PEN-1）",
                "平台从供应商保证金扣除违约金：逾期响应扣 500 元/次；服务不合格重新服务产生的费用由供应商承担（R-PEN-2）",
                "质保期外服务在验收合格后付款，客户逾期按日支付 0.05% 违约金（R-FEE-1）",
                "客户对责任判定或报价有异议，可在 12 小时内提交反驳材料申请平台介入；平台 24 小时内出具《售后责任判定意见书》，逾期未异议视为认可（R-DSP-1、R-DSP-2）",
                "上门服务：24 小时内确定上门人员（附电工证、设备维修认证等资质）并携带备件；维修后开机测试，如设备连续运行 2 小时无异常（R-EXE-2）",
                "备件库存周期须随报价告知，如定制配件需 15 日生产（R-QUO-4）",
                "跨境售后：有当地合作网点的优先本地上门，如 3 日内到位；质保期内国际物流费与返修报关费由供应商承担（R-EXE-10）",
                "批量采购客户（如单次采购超 100 台）：建立专属服务档案；《应急服务协议》约定 3 台以上设备同时故障 24 小时内上门并提供备用设备；每季度复盘（R-BLK-1、R-EXE-7）",
                "质保期内维修过的产品，平台 1 个月后提醒供应商回访；定期保养提前 7 日提醒客户与供应商预约（R-RV-2）",
                "售后承诺须按约执行，如年度免费巡检 2 次（R-MNT-1）",
                "供应商月度售后评级 D 级暂停售后权限 1 个月（R-RAT-1）",
                "客户伪造质量问题骗取免费服务：暂停售后申请权限 3 个月，情节严重的纳入黑名单（R-FRD-1）",
                "涉及客户数据的售后须签订《数据保密协议》，违规泄露赔偿客户损失最低 10 万元（R-SEC-1）",
                "售后备件每季度抽检 10%，发现劣质备件责令供应商召回并罚款（R-KPI-4）",
                "规则更新提前 7 个工作日公示，公示后新发起的售后申请按新规执行（R-SLA-1）",
            ],
        });

    /// <summary>Seed 001: a tender response; its only after-sales figures are the 2-year warranty and the repeat-fault rule.</summary>
    private static PolicyPreset CreateFurnishingSupplier() => new(
        FurnishingSupplier,
        "家居窗帘供应商售后服务方案",
        "Curtain supplier (home furnishings)",
        "001_98ca1e064ea64265.txt",
        "质保 2 年；同一故障一个月内连续多次出现无偿更换；工程师上门迟到 1 小时扣罚 100 元；原文响应时效为空白，不设时效。",
        new PolicyFigures
        {
            // R-SLA-2: the seed never speaks of working days (and states no deadline figure), so the always-open calendar.
            CalendarId = WorkingCalendars.AlwaysOpenId,
            // R-SLA-1: every response time in the seed is a blank ("XX 分钟内对传真作出响应", "响应时间必需控制在 XX 分钟内",
            // "XX 分钟内安排有关技术人员与之联系"), so the preset opens no deadline until the supplier fills them in.
            Deadlines = ReadOnlyDictionary<DeadlineKind, DeadlineTarget>.Empty,
            WarningPercent = DefaultWarningPercent,
            Warranty = new WarrantyTerms
            {
                // R-WTY-1: "我公司对产品提供 2 年的质保期"
                DefaultMonths = 24,
                MonthsByCategory = ReadOnlyDictionary<string, int>.Empty,
                // R-WTY-5: "同一硬件一个月内连续多次出现同一故障,我方将无偿更换同一档次窗帘"; "多次" read as its least, twice.
                RepeatFaultCount = 2,
                RepeatFaultWindowMonths = 1,
                // The seed gives replaced parts no own term; RepairedPartMonths keeps the type's value, stated only by [000].
                DealerCardDays = null,
            },
            // R-IN-4: the seed asks for no material with a request (合格证 and 保修卡 are handed over at delivery, R-WTY-7).
            RequiredMaterials = ReadOnlyDictionary<ServiceType, IReadOnlyList<AttachmentKind>>.Empty,
            // R-ARC-1: "客户产品维修/保养登记表、产品故障检测报告" — a service report; no site photos are asked for.
            VoucherKinds = [AttachmentKind.ServiceReport],
            // R-QUO-3: no agreement threshold; out-of-warranty costs are notified and agreed before work instead.
            AgreementThresholdCny = null,
            // R-EXE-8: "售后服务专业工程师无正当理由上门服务迟到 1 小时的,给予每次 100 元扣罚处理". The seed leaves the arrival
            // time itself blank (XX), so this rule charges only once the supplier sets an OnSiteArrival target.
            Penalties =
            [
                new PenaltyRule("engineer-late-fine", "工程师上门迟到扣罚", [DeadlineKind.OnSiteArrival, DeadlineKind.LevelArrival], PenaltyBasis.FixedPerBreach, 100m,
                    PenaltyAccount.InternalFine, TimeSpan.FromHours(1), "R-EXE-8"),
            ],
            // R-ARC-2: the seed states no retention period; product default.
            RetentionYears = DefaultRetentionYears,
            RetentionAfterWarrantyYears = null,
            Notes =
            [
                "原文的热线接听、邮件与传真接收、响应时间均为空白（XX），本预设不设时效，供应商须按合同补填（R-SLA-1、R-IN-6）",
                "售后工程师无正当理由上门服务迟到 1 小时的，每次扣罚 100 元，问题严重者降职（R-EXE-8）",
                "质量争议由上海市商检部门鉴定，不符合质量标准的鉴定费由供应商承担（R-DSP-3）",
                "保修期内每季度上门做预防性维护一次，不另收费（R-RV-2）",
                "每年一次顾客满意度调查；每月对故障进行分析并反馈研发部、加工部（R-RV-2、R-KPI-2）",
                "采购人使用不当造成的故障及保修期外维修：包修、包换或包退，只收取成本费；上门收取差旅费，费用事先通知用户、同意后执行（R-QUO-2）",
                "服务质量差导致投诉：当事服务人员上门赔礼道歉，取消其服务资格，培训合格后方可重新上岗（R-CMP-1）",
                "交付时提交产品使用说明书、产品合格证、保修卡及技术资料（R-WTY-7）",
                "人为因素及火灾、雷击等不可抗力造成的故障不在免费保修范围（R-WTY-4）",
            ],
        });

    /// <summary>Seed 002: 三、服务流程 (1 h / 2 h / 4 h, return-to-factory, revisit) and 八、退换货制度.</summary>
    private static PolicyPreset CreateCableManufacturer() => new(
        CableManufacturer,
        "西隆电缆售后服务管理制度",
        "Cable manufacturer (西隆电缆)",
        "002_8ed5760d083bf5eb.txt",
        "复杂问题 1 小时内转交、2 小时内联系客户、4 小时内出方案；返厂 24 小时取件、修复后 3 个工作日寄回；3 个工作日内回访；"
        + "质保期限原文未写明（默认 12 个月）。",
        new PolicyFigures
        {
            // R-SLA-2: revisit and return-to-factory are stated in working days ("3 个工作日内").
            CalendarId = WorkingCalendars.Cn918Id,
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>
            {
                // R-IN-7: "对于复杂问题或投诉,1 小时内转至相关责任部门" — the intake step of a single-company deployment.
                [DeadlineKind.IntakeCheck] = DeadlineTarget.Hours(1),
                // R-JDG-1: "售后技术支持团队在 2 小时内与客户取得联系"
                [DeadlineKind.Receive] = DeadlineTarget.Hours(2),
                // R-JDG-2: "在 4 小时内制定可行解决方案"
                [DeadlineKind.Plan] = DeadlineTarget.Hours(4),
                // R-EXE-5: "接到返厂通知 24 小时内安排取件 … 3 个工作日内通过物流寄回". The timer runs from the plan to
                // the repaired unit shipped back, so it carries both figures. A target has one unit, so the 24 h pickup is
                // rounded up to one working day: on cn-9-18 one working day never ends before 24 clock hours, hence
                // 4 working days is never stricter than the seed (24 h + 3 working days) and exceeds it by at most a
                // weekend or holiday. The separate 24 h pickup timer is a later refinement (Notes).
                [DeadlineKind.FactoryRepair] = DeadlineTarget.WorkingDays(4),
                // R-RV-1: "售后管理部门在服务完成后 3 个工作日内对客户进行回访"
                [DeadlineKind.Revisit] = DeadlineTarget.WorkingDays(3),
                // R-EXE-5 per return-to-factory work order: "接到返厂通知 24 小时内安排取件" and "3 个工作日内通过物流寄回".
                [DeadlineKind.FactoryPickup] = DeadlineTarget.Hours(24),
                [DeadlineKind.FactoryReturn] = DeadlineTarget.WorkingDays(3),

                // No figure in the seed, so no deadline: SupplyInfo, Verify, QuoteDecision, OnSiteArrival,
                // RemoteResolution, PartsDelivery, Acceptance, Reservice, Vouchers.
            }.AsReadOnly(),
            WarningPercent = DefaultWarningPercent,
            Warranty = new WarrantyTerms
            {
                // R-WTY-1: the seed speaks of "产品质保期内" but never states a term; the product default applies.
                DefaultMonths = DefaultWarrantyMonths,
                MonthsByCategory = ReadOnlyDictionary<string, int>.Empty,
                // No repaired-part term, repeat-fault rule or dealer card in the seed; those fields keep the type's values.
                DealerCardDays = null,
            },
            // R-IN-4: only returns ask for photos (R-RMA-1); a service request needs no material.
            RequiredMaterials = ReadOnlyDictionary<ServiceType, IReadOnlyList<AttachmentKind>>.Empty,
            // R-ARC-1: "维修完成后全面测试产品,由客户签字验收" and "维修记录审查" — the signed repair record.
            VoucherKinds = [AttachmentKind.ServiceReport],
            // R-QUO-1: every paid service needs the customer's written or electronic confirmation, but no agreement
            // threshold is stated.
            AgreementThresholdCny = null,
            // R-ARC-2: no retention period stated; product default.
            RetentionYears = DefaultRetentionYears,
            RetentionAfterWarrantyYears = null,
            Notes =
            [
                "原文未写明质保期限，本预设按产品默认 12 个月（R-WTY-1）",
                "返厂维修：物流部门接到返厂通知 24 小时内安排取件；返厂时效按 24 小时取件 + 3 个工作日寄回合计 4 个工作日计，取件尚无单独时效（R-EXE-5）",
                "简单咨询由客服当场解答；复杂问题或投诉转交时须同时告知客户预计处理时间节点（R-IN-7）",
                "退换货：质量问题自购买之日起 15 天内申请并附照片；错发、漏发可随时申请（R-RMA-1）",
                "退换货申请 12 小时内审核；审核通过后客户 3 天内寄回，质量问题与错发漏发的运费由公司承担（R-RMA-2）",
                "退回产品收货后 24 小时内转交售后技术团队验收（R-RMA-3）",
                "退货确认入库后 3 个工作日内按原支付方式退款；换货 3 个工作日内发出并跟踪物流（R-RMA-4）",
                "客户不满意时分析原因、制定改进措施，再次回访直至满意（R-RV-1）",
                "收费服务前须取得客户书面或电子确认，并开具正规发票（R-QUO-1、R-FEE-1）",
                "质量反馈报告（问题现象、出现频率、影响范围）反馈生产部门并跟踪改进效果（R-KPI-3）",
                "未经客户书面同意，客户信息不得用于其他商业用途（R-X-3）",
                "大规模产品质量问题、自然灾害导致服务中断时启动应急预案与应急小组（R-X-5）",
            ],
        });

    /// <summary>Seed 003: 售后申请受理, 故障排查, 回访, 档案 and 服务标准 of 中山天伟电机电器有限公司.</summary>
    private static PolicyPreset CreateFactory() => new(
        Factory,
        "工厂产品售后服务方案（中山天伟电机）",
        "Factory (中山天伟电机)",
        "003_3d3db9e15839e08f.txt",
        "1 小时内响应；简单故障 24 小时内解决；同城 24 小时到达（异地 48 小时）；24 小时内回访；默认质保 12 个月，"
        + "凭合格证、销售凭证、验收单；档案保存至质保期满后 2 年。",
        new PolicyFigures
        {
            // R-SLA-2: every figure in the seed is clock hours ("1小时内", "24小时内", "48小时内"), never 工作日.
            CalendarId = WorkingCalendars.AlwaysOpenId,
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>
            {
                // R-JDG-1: "售后接待人员接到申请后,需在1小时内响应"
                [DeadlineKind.Receive] = DeadlineTarget.Hours(1),
                // "简单故障24小时内解决", a simple fault being one "可通过线上指导解决"
                [DeadlineKind.RemoteResolution] = DeadlineTarget.Hours(24),
                // R-EXE-2: "原则上同城24小时内到达"; 异地 48 小时 is OtherCityArrival below.
                [DeadlineKind.OnSiteArrival] = DeadlineTarget.Hours(24),
                // R-RV-1: "售后处理完成后,24小时内由售后接待人员对客户进行回访"
                [DeadlineKind.Revisit] = DeadlineTarget.Hours(24),

                // No figure in the seed, so no deadline: IntakeCheck, SupplyInfo, Plan, Verify, QuoteDecision,
                // PartsDelivery, FactoryRepair, Acceptance, Reservice ("立即安排", no figure), Vouchers.
            }.AsReadOnly(),
            // R-EXE-2: "异地48小时" — the engineer's base city against the site's decides at dispatch.
            OtherCityArrival = DeadlineTarget.Hours(48),
            WarningPercent = DefaultWarningPercent,
            Warranty = new WarrantyTerms
            {
                // R-WTY-1: "无明确标注的,默认质保期为12个月"; product-specific terms come from the manual or contract.
                DefaultMonths = 12,
                MonthsByCategory = ReadOnlyDictionary<string, int>.Empty,
                // No repaired-part term, repeat-fault rule or dealer card in the seed; those fields keep the type's values.
                DealerCardDays = null,
            },
            // R-IN-4, R-WTY-4: "客户可凭产品合格证、销售凭证、验收单申请免费售后维修服务". Only the certificate has an
            // attachment kind; the sales voucher and acceptance form are kept in Notes.
            RequiredMaterials = new Dictionary<ServiceType, IReadOnlyList<AttachmentKind>>
            {
                [ServiceType.WarrantyRepair] = [AttachmentKind.Certificate],
            }.AsReadOnly(),
            // R-ARC-1: "工程师填写《售后服务维修单》… 由客户签字确认,作为售后凭证"
            VoucherKinds = [AttachmentKind.ServiceReport],
            AgreementThresholdCny = null,
            // R-ARC-2: "保存期限不少于产品质保期届满后2年" — RetentionAfterWarrantyYears wins over RetentionYears.
            RetentionYears = DefaultRetentionYears,
            RetentionAfterWarrantyYears = 2,
            Notes =
            [
                "现场服务：同城 24 小时内到达，异地 48 小时内到达，派工时按工程师常驻城市与现场城市判定；偏远地区可适当延长，须提前告知客户（R-EXE-2）",
                "复杂故障 48 小时内启动现场维修（R-EXE-2）",
                "免费质保须凭产品合格证、销售凭证、验收单；销售凭证与验收单尚无对应附件类型（R-IN-4、R-WTY-4）",
                "投诉 24 小时内核实并明确责任主体；建立投诉台账并定期分析（R-CMP-1、R-CMP-2）",
                "一次维修合格率不低于 95%（R-KPI-1）",
                "无法维修或维修成本过高的，经售后部门审批整机更换同型号新品，故障产品退回检测整改（R-EXE-6）",
                "质保期外零部件按成本价供应，维修按统一收费标准，先告知客户、确认后维修（R-QUO-2）",
                "回访发现仍有故障或客户有异议，立即安排再次处理直至满意（R-RV-1）",
                "每月上报售后服务分析报告；批量质量问题启动召回（R-KPI-2、R-KPI-3）",
            ],
        });

    /// <summary>
    /// Seed 004: the 三包 programme for dealers (2 h arrangement, 20-day card) and the O&amp;M service plan
    /// (半小时响应, 2 小时到场, 4 小时处理完毕, 两年保修, 5 年记录).
    /// </summary>
    private static PolicyPreset CreateMachineryDealer() => new(
        MachineryDealer,
        "农机公司三包与运维服务方案",
        "Agricultural machinery with dealers and O&M SLA",
        "004_77945ab4b342d4aa.txt",
        "半小时内响应、2 小时内做出安排、2 小时内到场、4 小时内处理完毕或备件运抵；两年保修；三包回执卡 20 天内返回；"
        + "维修记录保存 5 年。",
        new PolicyFigures
        {
            // R-SLA-2: inspection reports are due "三个工作日内", so the working-day calendar; the request deadlines below
            // are clock minutes and hours and run around the clock, matching the seed's "7*24 的值班响应".
            CalendarId = WorkingCalendars.Cn918Id,
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>
            {
                // R-JDG-1: "我方对买方的效劳申请应在半小时之内给以响应"
                [DeadlineKind.Receive] = DeadlineTarget.Minutes(30),
                // R-DLR-1: "公司各部门和经销商应该在接到 … 售后效劳任务后2 小时做好具体安排" / "在 2 小时内做出安排,并告之用户"
                [DeadlineKind.Plan] = DeadlineTarget.Hours(2),
                // R-EXE-2: "于 2 小时内派工程师到现场进行维修"; "接到维修通知之时起 2 小时内派人到场维修"
                [DeadlineKind.OnSiteArrival] = DeadlineTarget.Hours(2),
                // "4 小时内处理完毕" — the repair itself, whichever way it is done.
                [DeadlineKind.RemoteResolution] = DeadlineTarget.Hours(4),
                // R-EXE-7: "于4 小时内将备件或备机运抵故障现场"
                [DeadlineKind.PartsDelivery] = DeadlineTarget.Hours(4),

                // R-DLR-1: "经销商 … 应该在 2 小时内做出安排,并告之用户"; "销售内勤应在转送各部门任务后4 小时内 … 催促检查"
                [DeadlineKind.DealerArrangement] = DeadlineTarget.Hours(2),
                [DeadlineKind.SupervisionCheck] = DeadlineTarget.Hours(4),

                // No figure in the seed, so no deadline: IntakeCheck, SupplyInfo, Verify, QuoteDecision, FactoryRepair,
                // Acceptance, Reservice, Revisit (only project revisits twice a year, Notes), Vouchers.
            }.AsReadOnly(),
            // R-IN-8: "对于 A 和 B 效劳等级,确保 10 分钟内回复;对于 C 效劳等级,确保半小时内回复"; for the major (一级) fault
            // of the emergency clause "2 小时内派工程师到现场进行维修,4 小时内处理完毕。假设在 4 小时内仍未能有效解决,
            // 乙方须免费提供同档次的设备" (R-EXE-7: the fix deadline's breach records the loaner owed).
            LevelTargets =
            [
                new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.A, DeadlineTarget.Minutes(10)),
                new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.B, DeadlineTarget.Minutes(10)),
                new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.C, DeadlineTarget.Minutes(30)),
                new LevelTarget(DeadlineKind.LevelArrival, FaultLevel.Major, null, DeadlineTarget.Hours(2)),
                new LevelTarget(DeadlineKind.LevelFix, FaultLevel.Major, null, DeadlineTarget.Hours(4)),
            ],
            WarningPercent = DefaultWarningPercent,
            Warranty = new WarrantyTerms
            {
                // R-WTY-1: "对该系统提供贰年保修效劳。保修期从系统验收合格、双方签署验收报告之日算起"; "保修期限为两年"
                DefaultMonths = 24,
                MonthsByCategory = ReadOnlyDictionary<string, int>.Empty,
                // R-WTY-3: "产品销售20 天内将三包回执卡、客户信息返回公司,否那么 … 三包效劳不予认定"
                DealerCardDays = 20,
                // No repaired-part term or repeat-fault rule in the seed; those fields keep the type's values.
            },
            // R-IN-4: the seed asks the customer for no material; the dealer's paperwork is R-DLR-2 (Notes).
            RequiredMaterials = ReadOnlyDictionary<ServiceType, IReadOnlyList<AttachmentKind>>.Empty,
            // R-ARC-1, R-DLR-2: "必须填写三包维修记录经被效劳用户签字确认"
            VoucherKinds = [AttachmentKind.ServiceReport],
            AgreementThresholdCny = null,
            // R-ARC-2: "由生产部门保存维修记录,期限为 5 年"
            RetentionYears = 5,
            RetentionAfterWarrantyYears = null,
            Notes =
            [
                "故障等级：一级（系统瘫痪或服务中断、其他业务中断 10 分钟以上或关键业务数据丢失）、二级（性能或服务能力局部丧失，或有瘫痪危险）、三级（功能受影响、关键业务不受影响）；按故障等级与 A/B/C 服务级别分别定时效（R-IN-8）",
                "需查阅资料再回复的，A、B 服务级别 10 分钟内回复，C 服务级别半小时内回复（R-IN-8）",
                "2 小时到场、4 小时处理完毕均自接到维修通知起算，本预设暂按受理、安排、服务各段分别计时（R-EXE-2）",
                "4 小时内仍未能有效解决的，免费提供同档次设备临时使用；紧急抢修事故接到通知后立即到达现场（R-EXE-7）",
                "销售内勤 2 小时内转送三包任务，转送后 4 小时内催促检查各部门落实情况，未落实的上报公司领导（R-DLR-1）",
                "三包维修记录须经用户签字确认，更换的旧件留存并随记录定期返回公司，否则不予办理三包手续、不予核销（R-DLR-2）",
                "技术部鉴定返回的旧件：可利用的入库，不可利用的报废（R-DLR-3）",
                "三包费用经财务审核后出具核销通知，经销商确认后从应收货款中扣除（R-DLR-4）",
                "经销商不得超出三包范围承诺；销售前 30 天提出配件储备方案（R-DLR-5）",
                "经销商库存返厂：质量问题公司承担运费；经销商拆件造成的由经销商承担运费和恢复工时费（R-RMA-6）",
                "保修期内每年至少回访两次，第一次在交工后半年内（R-RV-2）",
                "保修卡在工程竣工后一个月内发出（R-WTY-7）",
                "巡检完成后三个工作日内提交巡检报告（R-MNT-1）",
                "质保期满后零部件经权威部门鉴定属寿命异常的，免费更换维修并承担由此造成的损失（R-WTY-6）",
                "保修期外按成本价收取材料费和人工费；三包范围外有偿服务费由维修人员差旅费、工资构成（R-QUO-2）",
            ],
        });
}
