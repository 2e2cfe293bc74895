using AfterSales.Domain.Common;

namespace AfterSales.Domain.Loaners;

/// <summary>备用机位置 (R-EXE-7): where a loaner unit is now.</summary>
public enum LoanerLocation
{
    /// <summary>在库（备用机池仓库）</summary>
    InPool,

    /// <summary>运送中（已发放，待客户签收）</summary>
    InTransit,

    /// <summary>在客户现场</summary>
    AtCustomer,

    /// <summary>维修中</summary>
    UnderRepair,

    /// <summary>已报废</summary>
    Retired,
}

/// <summary>备用机状况 (the condition check at each return).</summary>
public enum LoanerCondition
{
    /// <summary>完好</summary>
    Good,

    /// <summary>轻微磨损</summary>
    Worn,

    /// <summary>损坏</summary>
    Damaged,
}

/// <summary>备用机动作: each one a route segment of <c>POST /loaners/{id}/{action}</c>.</summary>
public enum LoanerAction
{
    Issue,
    Deliver,
    Reclaim,
    Repaired,
    Retire,
}

/// <summary>The request a loaner is issued for, as issuing needs it.</summary>
public sealed record LoanerRequest(Guid Id, string Number, Guid SupplierId, Guid CustomerId, string CustomerName, string? SiteAddress, bool IsOpen);

/// <summary>
/// The one transition table of a loaner unit (R-EXE-7): only a unit in the pool is issued; it travels to the site, is
/// signed for by the customer, and comes back to the pool or to repair once the original unit runs again.
/// </summary>
public static class LoanerWorkflow
{
    public static IReadOnlyDictionary<(LoanerLocation From, LoanerAction Action), LoanerLocation[]> Transitions { get; } =
        new Dictionary<(LoanerLocation, LoanerAction), LoanerLocation[]>
        {
            [(LoanerLocation.InPool, LoanerAction.Issue)] = [LoanerLocation.InTransit],
            [(LoanerLocation.InTransit, LoanerAction.Deliver)] = [LoanerLocation.AtCustomer],
            [(LoanerLocation.InTransit, LoanerAction.Reclaim)] = [LoanerLocation.InPool, LoanerLocation.UnderRepair],
            [(LoanerLocation.AtCustomer, LoanerAction.Reclaim)] = [LoanerLocation.InPool, LoanerLocation.UnderRepair],
            [(LoanerLocation.UnderRepair, LoanerAction.Repaired)] = [LoanerLocation.InPool],
            [(LoanerLocation.InPool, LoanerAction.Retire)] = [LoanerLocation.Retired],
            [(LoanerLocation.UnderRepair, LoanerAction.Retire)] = [LoanerLocation.Retired],
        };

    public static bool Allows(LoanerLocation from, LoanerAction action) => Transitions.ContainsKey((from, action));

    /// <summary>Out with a customer (issued and not yet back): blocks archiving the request (R-EXE-7).</summary>
    public static bool IsOut(LoanerLocation location) => location is LoanerLocation.InTransit or LoanerLocation.AtCustomer;

    public static IReadOnlyList<LoanerAction> ActionsFrom(LoanerLocation from) =>
        [.. Transitions.Keys.Where(k => k.From == from).Select(k => k.Action)];
}

/// <summary>
/// 备用机 (R-EXE-7, seed 004: a critical fault not fixed within 4 h gets an equivalent loaner free of charge): one unit of
/// a supplier's loaner pool, where it is now and every move it made (<see cref="Movements"/>). The Version is checked on
/// every write, so of two people issuing the same unit at once exactly one succeeds.
/// </summary>
public sealed class LoanerUnit
{
    private readonly List<LoanerMovement> _movements = [];

    private LoanerUnit()
    {
        AssetTag = string.Empty;
        Serial = string.Empty;
        Model = string.Empty;
        Name = string.Empty;
        Grade = string.Empty;
        PoolLocation = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>资产标签, unique within the supplier's pool.</summary>
    public string AssetTag { get; private set; }

    public string Serial { get; private set; }

    /// <summary>型号, e.g. VMC-850: the same model as the customer's unit is the first choice of an equivalent loaner.</summary>
    public string Model { get; private set; }

    public string Name { get; private set; }

    /// <summary>档次, e.g. 中型立加: a unit of the same grade is the second choice.</summary>
    public string Grade { get; private set; }

    public LoanerCondition Condition { get; private set; }

    public LoanerLocation Location { get; private set; }

    /// <summary>The pool warehouse the unit belongs in, e.g. 苏州中心仓.</summary>
    public string PoolLocation { get; private set; }

    public Guid? ServiceRequestId { get; private set; }

    public string? ServiceRequestNumber { get; private set; }

    public Guid? CustomerId { get; private set; }

    public string? CustomerName { get; private set; }

    public string? SiteAddress { get; private set; }

    /// <summary>The request's 备用机 work order this issue runs under.</summary>
    public Guid? WorkOrderId { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>客户签收人.</summary>
    public string? ReceivedBy { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<LoanerMovement> Movements => _movements;

    public bool IsAvailable => Location == LoanerLocation.InPool;

    /// <summary>Equivalent to the customer's unit (R-EXE-7): the same model, or the same grade.</summary>
    public bool IsEquivalentTo(string? model, IReadOnlyCollection<string> grades) =>
        (model is not null && string.Equals(Model, model, StringComparison.OrdinalIgnoreCase)) || grades.Contains(Grade);

    /// <summary>入池: a new unit in the supplier's pool warehouse.</summary>
    public static LoanerUnit Register(Guid id, Guid supplierId, string? assetTag, string? serial, string? model, string? name, string? grade,
        LoanerCondition? condition, string? poolLocation, string by, Guid? byUserId, DateTimeOffset now)
    {
        var unit = new LoanerUnit
        {
            Id = id,
            SupplierId = supplierId,
            AssetTag = InvalidInput.Text(assetTag, "assetTag", "资产标签", 40),
            Serial = InvalidInput.Text(serial, "serial", "序列号", 60),
            Model = InvalidInput.Text(model, "model", "型号", 60),
            Name = InvalidInput.Text(name, "name", "名称", 100),
            Grade = InvalidInput.Text(grade, "grade", "档次", 40),
            Condition = condition ?? LoanerCondition.Good,
            Location = LoanerLocation.InPool,
            PoolLocation = InvalidInput.Text(poolLocation, "poolLocation", "所在仓库", 100),
            CreatedAt = now,
        };
        InvalidInput.Require(unit.Condition != LoanerCondition.Damaged, "condition", "损坏的设备不能作为备用机入池。");
        unit.Record("register", null, LoanerLocation.InPool, $"入池：{unit.PoolLocation}", by, byUserId, now);
        return unit;
    }

    /// <summary>
    /// 发放 (R-EXE-7): only a unit in the pool, in usable condition, to an open request of the same supplier; it leaves for
    /// the customer's site.
    /// </summary>
    public void Issue(LoanerRequest request, Guid? workOrderId, string? note, string by, Guid? byUserId, DateTimeOffset now)
    {
        EnsureCanIssue(request);
        ServiceRequestId = request.Id;
        ServiceRequestNumber = request.Number;
        CustomerId = request.CustomerId;
        CustomerName = request.CustomerName;
        SiteAddress = request.SiteAddress;
        WorkOrderId = workOrderId;
        IssuedAt = now;
        DeliveredAt = null;
        ReceivedBy = null;
        ReturnedAt = null;
        var text = InvalidInput.OptionalText(note, "note", "备注", 1000);
        MoveTo(LoanerAction.Issue, LoanerLocation.InTransit,
            Join($"发往 {request.CustomerName}（{request.Number}）{(SiteAddress is null ? string.Empty : $"，{SiteAddress}")}", text), by, byUserId, now);
    }

    /// <summary>Refuses an issue as <see cref="Issue"/> would, before the caller writes anything for it.</summary>
    public void EnsureCanIssue(LoanerRequest request)
    {
        if (Location != LoanerLocation.InPool)
        {
            throw new WorkflowRuleViolation("R-EXE-7", $"备用机 {AssetTag} 当前{LoanerNames.Location(Location)}{Where()}，只有在库的备用机可以发放。");
        }

        if (Condition == LoanerCondition.Damaged)
        {
            throw new WorkflowRuleViolation("R-EXE-7", $"备用机 {AssetTag} 已损坏，修复后才能发放。");
        }

        InvalidInput.Require(request.SupplierId == SupplierId, "requestId", "只能为本供应商的售后单发放备用机。");
        if (!request.IsOpen)
        {
            throw new WorkflowRuleViolation("R-EXE-7", $"售后单 {request.Number} 已归档或已取消，不能再发放备用机。");
        }
    }

    /// <summary>送达签收: the customer's representative signs for the unit on site.</summary>
    public void Deliver(string? receivedBy, string? note, string by, Guid? byUserId, DateTimeOffset now)
    {
        EnsureAllowed(LoanerAction.Deliver);
        ReceivedBy = InvalidInput.Text(receivedBy, "receivedBy", "客户签收人", 50);
        DeliveredAt = now;
        MoveTo(LoanerAction.Deliver, LoanerLocation.AtCustomer, Join($"客户 {ReceivedBy} 已签收", InvalidInput.OptionalText(note, "note", "备注", 1000)), by, byUserId, now);
    }

    /// <summary>
    /// 回收 (R-EXE-7): once the original unit is back in service — the request's service is complete, or the person
    /// reclaiming confirms the original runs again. The condition is checked; a damaged unit goes to repair.
    /// </summary>
    public void Reclaim(bool originalBackInService, LoanerCondition? condition, bool toRepair, string? note, string by, Guid? byUserId, DateTimeOffset now)
    {
        EnsureAllowed(LoanerAction.Reclaim);
        if (!originalBackInService)
        {
            throw new WorkflowRuleViolation("R-EXE-7", $"售后单 {ServiceRequestNumber} 的原设备尚未恢复运行（服务未完成），请确认原设备已恢复运行后再回收备用机。");
        }

        InvalidInput.Require(condition is not null, "condition", "请填写回收时的设备状况。");
        var text = InvalidInput.OptionalText(note, "note", "检查说明", 1000);
        InvalidInput.Require(condition == LoanerCondition.Good || text is not null, "note", "设备有磨损或损坏时请写明检查说明。");
        Condition = condition!.Value;
        ReturnedAt = now;
        var target = toRepair || Condition == LoanerCondition.Damaged ? LoanerLocation.UnderRepair : LoanerLocation.InPool;
        var from = ServiceRequestNumber;
        MoveTo(LoanerAction.Reclaim, target, Join($"从 {CustomerName}（{from}）回收，状况：{LoanerNames.Condition(Condition)}", text), by, byUserId, now);
        ServiceRequestId = null;
        ServiceRequestNumber = null;
        CustomerId = null;
        CustomerName = null;
        SiteAddress = null;
        WorkOrderId = null;
    }

    /// <summary>修复入池.</summary>
    public void Repaired(string? note, string by, Guid? byUserId, DateTimeOffset now)
    {
        EnsureAllowed(LoanerAction.Repaired);
        Condition = LoanerCondition.Good;
        MoveTo(LoanerAction.Repaired, LoanerLocation.InPool, Join("修复完成，回到备用机池", InvalidInput.OptionalText(note, "note", "备注", 1000)), by, byUserId, now);
    }

    /// <summary>报废.</summary>
    public void Retire(string? reason, string by, Guid? byUserId, DateTimeOffset now)
    {
        EnsureAllowed(LoanerAction.Retire);
        MoveTo(LoanerAction.Retire, LoanerLocation.Retired, $"报废：{InvalidInput.Text(reason, "reason", "报废原因", 500)}", by, byUserId, now);
    }

    private void EnsureAllowed(LoanerAction action)
    {
        if (!LoanerWorkflow.Allows(Location, action))
        {
            throw new TransitionRefused(LoanerNames.ActionName(action), Location.ToString(),
                $"备用机 {AssetTag} 当前{LoanerNames.Location(Location)}{Where()}，不能执行「{LoanerNames.Action(action)}」。");
        }
    }

    private string Where() => ServiceRequestNumber is null ? string.Empty : $"（{CustomerName}，{ServiceRequestNumber}）";

    private void MoveTo(LoanerAction action, LoanerLocation to, string note, string by, Guid? byUserId, DateTimeOffset now)
    {
        if (!LoanerWorkflow.Transitions.TryGetValue((Location, action), out var targets) || !targets.Contains(to))
        {
            throw new TransitionRefused(LoanerNames.ActionName(action), Location.ToString(),
                $"备用机不能从「{LoanerNames.Location(Location)}」转为「{LoanerNames.Location(to)}」。");
        }

        var from = Location;
        Location = to;
        Record(LoanerNames.ActionName(action), from, to, note, by, byUserId, now);
    }

    private void Record(string action, LoanerLocation? from, LoanerLocation to, string note, string by, Guid? byUserId, DateTimeOffset now)
    {
        _movements.Add(new LoanerMovement(Guid.CreateVersion7(now), Id, _movements.Count + 1, now, byUserId, by, action, from, to, ServiceRequestNumber, note));
        UpdatedAt = now;
        Version++;
    }

    private static string Join(params string?[] parts) => string.Join("；", parts.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>One move of a loaner unit: who, when, from → to, for which request, and a note.</summary>
public sealed class LoanerMovement
{
    private LoanerMovement()
    {
        ActorName = string.Empty;
        Action = string.Empty;
        Note = string.Empty;
    }

    public LoanerMovement(Guid id, Guid unitId, int sequence, DateTimeOffset at, Guid? actorUserId, string actorName, string action,
        LoanerLocation? from, LoanerLocation to, string? serviceRequestNumber, string note)
    {
        Id = id;
        UnitId = unitId;
        Sequence = sequence;
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        From = from;
        To = to;
        ServiceRequestNumber = serviceRequestNumber;
        Note = note.Length > 2000 ? note[..2000] : note;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public string Action { get; private set; }

    public LoanerLocation? From { get; private set; }

    public LoanerLocation To { get; private set; }

    public string? ServiceRequestNumber { get; private set; }

    public string Note { get; private set; }
}

/// <summary>The Chinese words users read for loaners (docs/glossary.md: 备用机 loaner).</summary>
public static class LoanerNames
{
    public static string Location(LoanerLocation location) => location switch
    {
        LoanerLocation.InPool => "在库",
        LoanerLocation.InTransit => "运送中",
        LoanerLocation.AtCustomer => "在客户现场",
        LoanerLocation.UnderRepair => "维修中",
        _ => "已报废",
    };

    public static string Condition(LoanerCondition condition) => condition switch
    {
        LoanerCondition.Good => "完好",
        LoanerCondition.Worn => "轻微磨损",
        _ => "损坏",
    };

    public static string Action(LoanerAction action) => action switch
    {
        LoanerAction.Issue => "发放",
        LoanerAction.Deliver => "送达签收",
        LoanerAction.Reclaim => "回收",
        LoanerAction.Repaired => "修复入池",
        _ => "报废",
    };

    public static string ActionName(LoanerAction action)
    {
        var name = action.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Entry(string action) => action switch
    {
        "register" => "入池",
        "issue" => "发放",
        "deliver" => "送达签收",
        "reclaim" => "回收",
        "repaired" => "修复入池",
        "retire" => "报废",
        _ => action,
    };
}

/// <summary>When the customer's own unit counts as back in service (R-EXE-7: the loaner is then reclaimed).</summary>
public static class LoanerRules
{
    /// <summary>The service is complete (待验收 or later), or the request ended: nothing is left for the loaner to cover.</summary>
    public static bool OriginalBackInService(ServiceRequests.ServiceRequestStatus status) =>
        status is ServiceRequests.ServiceRequestStatus.PendingAcceptance or ServiceRequests.ServiceRequestStatus.Accepted
            or ServiceRequests.ServiceRequestStatus.Revisited or ServiceRequests.ServiceRequestStatus.Closed or ServiceRequests.ServiceRequestStatus.Cancelled;
}
