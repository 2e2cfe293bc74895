using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Complaints;

/// <summary>The service request a complaint is about, as the filer may see it.</summary>
public sealed record ComplainedRequest(Guid Id, string Number, Guid SupplierId, Guid? DealerId);

/// <summary>A named person of a supplier or dealer a complaint is about, or whom verification finds at fault.</summary>
public sealed record ComplainedPerson(Guid UserId, string Name, Guid OrganizationId, PartyKind OrganizationKind);

/// <summary>
/// 投诉 (R-CMP-1): one entry of the complaint ledger (投诉台账). Any party files it about a service request, a named
/// person or the service in general; the complained-about side (or the platform) verifies it within 24 h and names
/// the responsible party (seed 003 §5.2), handles it with compensation if any (seed 003 §5.3), and the complainant
/// closes it with feedback — an unsatisfied complainant may reopen it once. Every step is kept in <see cref="Steps"/>.
/// </summary>
public sealed class Complaint
{
    /// <summary>Seed 003: 售后部门在24小时内对投诉内容进行核实.</summary>
    public static readonly TimeSpan VerificationWindow = TimeSpan.FromHours(24);

    public const int MaxReopens = 1;

    private readonly List<ComplaintStep> _steps = [];

    private Complaint()
    {
        Number = string.Empty;
        Content = string.Empty;
        FiledByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>TS-2026-000001 (投诉), gap-free per year.</summary>
    public string Number { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public int Version { get; private set; }

    public Guid ComplainantOrganizationId { get; private set; }

    public PartyKind ComplainantParty { get; private set; }

    public Guid? FiledByUserId { get; private set; }

    public string FiledByName { get; private set; }

    public ComplaintSubject Subject { get; private set; }

    public Guid? ServiceRequestId { get; private set; }

    public string? ServiceRequestNumber { get; private set; }

    public Guid? PersonUserId { get; private set; }

    public string? PersonName { get; private set; }

    /// <summary>The supplier complained about (the request's supplier, the person's organisation or the one named).</summary>
    public Guid? RespondentSupplierId { get; private set; }

    /// <summary>The dealer complained about, when the request went through one or the person is a dealer's.</summary>
    public Guid? RespondentDealerId { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public string Content { get; private set; }

    public string? DesiredOutcome { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset VerificationDueAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public string? VerifiedBy { get; private set; }

    public ComplaintResponsibility? Responsibility { get; private set; }

    public string? VerificationNote { get; private set; }

    public Guid? StaffAtFaultUserId { get; private set; }

    public string? StaffAtFaultName { get; private set; }

    public Guid? StaffAtFaultOrganizationId { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    public string? HandledBy { get; private set; }

    public string? HandlingNotes { get; private set; }

    public CompensationKind? Compensation { get; private set; }

    /// <summary>The fee waived or the credit granted, in CNY to the fen.</summary>
    public decimal? CompensationAmount { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool? Satisfied { get; private set; }

    public string? FeedbackComment { get; private set; }

    public int ReopenCount { get; private set; }

    public IReadOnlyList<ComplaintStep> Steps => _steps;

    /// <summary>Still waiting for verification past its 24 h (R-CMP-1).</summary>
    public bool IsVerificationOverdue(DateTimeOffset now) => Status == ComplaintStatus.Filed && now > VerificationDueAt;

    /// <summary>Verified (or found unfounded) after the 24 h had passed.</summary>
    public bool WasVerifiedLate => VerifiedAt is { } at && at > VerificationDueAt;

    public bool CanReopen => Status == ComplaintStatus.Closed && Satisfied == false && ReopenCount < MaxReopens;

    /// <summary>Whether <paramref name="by"/> may verify or reject now (for the pages' buttons; the verbs decide).</summary>
    public bool MayVerify(Actor by) => Status == ComplaintStatus.Filed && ActsForRespondent(by, Permissions.ComplaintsVerify);

    public bool MayStartHandling(Actor by) => Status == ComplaintStatus.Verified && ActsForRespondent(by, Permissions.ComplaintsHandle);

    public bool MayHandle(Actor by) => Status is ComplaintStatus.Verified or ComplaintStatus.InProgress && ActsForRespondent(by, Permissions.ComplaintsHandle);

    public bool MayClose(Actor by) => Status == ComplaintStatus.Handled && ActsForComplainant(by);

    public bool MayReopen(Actor by) => CanReopen && ActsForComplainant(by);

    public bool IsComplainant(Guid? organizationId) => organizationId == ComplainantOrganizationId;

    public bool IsRespondent(Guid? organizationId) =>
        organizationId is { } org && (org == RespondentSupplierId || org == RespondentDealerId);

    /// <summary>
    /// Files a complaint. About a request: the request's supplier (and dealer) answer it. About a person: the person's
    /// organisation. About the service: the named supplier or dealer, if any — else the platform alone.
    /// </summary>
    public static Complaint File(
        Guid id,
        string number,
        Actor by,
        ComplaintSubject subject,
        ComplainedRequest? request,
        ComplainedPerson? person,
        (Guid Id, PartyKind Kind)? against,
        ComplaintChannel channel,
        string? content,
        string? desiredOutcome,
        DateTimeOffset now)
    {
        RequirePermission(by, Permissions.ComplaintsFile, "file", "您没有提交投诉的权限。");
        var complaint = new Complaint
        {
            Id = id,
            Number = number,
            Status = ComplaintStatus.Filed,
            ComplainantOrganizationId = by.OrganizationId ?? throw new ActionNotPermitted("file", "系统不能提交投诉。"),
            ComplainantParty = by.Party ?? PartyKind.Platform,
            FiledByUserId = by.UserId,
            FiledByName = by.Name,
            Subject = subject,
            Channel = channel,
            Content = InvalidInput.Text(content, "content", "投诉内容", 2000),
            DesiredOutcome = InvalidInput.OptionalText(desiredOutcome, "desiredOutcome", "期望结果", 500),
            FiledAt = now,
            VerificationDueAt = now + VerificationWindow,
        };

        // A request named alongside a person or the service links the complaint to it; the subject says what is complained about.
        if (request is not null)
        {
            complaint.ServiceRequestId = request.Id;
            complaint.ServiceRequestNumber = request.Number;
        }

        switch (subject)
        {
            case ComplaintSubject.Request:
                InvalidInput.Require(request is not null, "requestId", "投诉售后单时须指定售后单。");
                complaint.RespondentSupplierId = request!.SupplierId;
                complaint.RespondentDealerId = request.DealerId;
                break;
            case ComplaintSubject.Person:
                InvalidInput.Require(person is not null, "personUserId", "投诉服务人员时须指定被投诉人。");
                InvalidInput.Require(person!.OrganizationKind is PartyKind.Supplier or PartyKind.Dealer, "personUserId", "被投诉人须为供应商或经销商的服务人员。");
                complaint.PersonUserId = person.UserId;
                complaint.PersonName = person.Name;
                complaint.SetRespondent(person.OrganizationId, person.OrganizationKind);
                break;
            default:
                if (against is { } organization)
                {
                    InvalidInput.Require(organization.Kind is PartyKind.Supplier or PartyKind.Dealer, "organizationId", "被投诉单位须为供应商或经销商。");
                    complaint.SetRespondent(organization.Id, organization.Kind);
                }
                else if (request is not null)
                {
                    complaint.RespondentSupplierId = request.SupplierId;
                    complaint.RespondentDealerId = request.DealerId;
                }

                break;
        }

        InvalidInput.Require(!complaint.IsRespondent(complaint.ComplainantOrganizationId) || by.Party == PartyKind.Platform, "subject", "不能投诉本单位。");
        complaint.Record(ComplaintStepKind.Filed, by, now, $"{ComplaintNames.Channel(channel)}：{complaint.Content}");
        return complaint;
    }

    /// <summary>核实成立 (R-CMP-1): within 24 h, naming the responsible party and, for staff service, who is at fault.</summary>
    public void Verify(Actor by, ComplaintResponsibility? responsibility, ComplainedPerson? staffAtFault, string? note, DateTimeOffset now)
    {
        RequireRespondentOrPlatform(by, Permissions.ComplaintsVerify, "verify", "只有被投诉方的售后经理或平台运营可以核实投诉。");
        RequireStatus("verify", ComplaintStatus.Filed);
        InvalidInput.Require(responsibility is not null, "responsibility", "请选择责任主体：产品质量、服务人员或客户使用。");
        var trimmed = InvalidInput.OptionalText(note, "note", "核实说明", 1000);
        if (responsibility == ComplaintResponsibility.StaffService)
        {
            staffAtFault ??= PersonUserId is { } personId && StaffOrganizationOf(personId) is { } org
                ? new ComplainedPerson(personId, PersonName ?? string.Empty, org, PartyKind.Supplier)
                : null;
            if (staffAtFault is not null)
            {
                InvalidInput.Require(IsRespondent(staffAtFault.OrganizationId), "staffUserId", "责任人须为被投诉单位的服务人员。");
                StaffAtFaultUserId = staffAtFault.UserId;
                StaffAtFaultName = staffAtFault.Name;
                StaffAtFaultOrganizationId = staffAtFault.OrganizationId;
            }
        }
        else
        {
            InvalidInput.Require(staffAtFault is null, "staffUserId", "只有责任主体为服务人员时才能指定责任人。");
        }

        Responsibility = responsibility;
        VerificationNote = trimmed;
        VerifiedAt = now;
        VerifiedBy = by.Name;
        Status = ComplaintStatus.Verified;
        var staff = StaffAtFaultName is null ? string.Empty : $"，责任人：{StaffAtFaultName}";
        Record(ComplaintStepKind.Verified, by, now, $"责任主体：{ComplaintNames.Responsibility(responsibility!.Value)}{staff}{Suffix(trimmed)}");
    }

    /// <summary>核实不成立: the complaint is unfounded, with the reason.</summary>
    public void Reject(Actor by, string? reason, DateTimeOffset now)
    {
        RequireRespondentOrPlatform(by, Permissions.ComplaintsVerify, "reject", "只有被投诉方的售后经理或平台运营可以核实投诉。");
        RequireStatus("reject", ComplaintStatus.Filed);
        RejectionReason = InvalidInput.Text(reason, "reason", "不成立的原因", 1000);
        VerifiedAt = now;
        VerifiedBy = by.Name;
        Status = ComplaintStatus.Rejected;
        Record(ComplaintStepKind.Rejected, by, now, RejectionReason);
    }

    /// <summary>开始处理: the complained-about side takes the verified complaint on.</summary>
    public void StartHandling(Actor by, string? note, DateTimeOffset now)
    {
        RequireRespondentOrPlatform(by, Permissions.ComplaintsHandle, "startHandling", "只有被投诉方或平台可以处理投诉。");
        RequireStatus("startHandling", ComplaintStatus.Verified);
        var trimmed = InvalidInput.OptionalText(note, "note", "说明", 1000);
        Status = ComplaintStatus.InProgress;
        Record(ComplaintStepKind.HandlingStarted, by, now, trimmed ?? string.Empty);
    }

    /// <summary>处理完成 (seed 003 §5.3): what was done, and the compensation if any — a waived fee, a credit in CNY, a replacement.</summary>
    public void Handle(Actor by, string? notes, CompensationKind? compensation, decimal? amount, DateTimeOffset now)
    {
        RequireRespondentOrPlatform(by, Permissions.ComplaintsHandle, "handle", "只有被投诉方或平台可以处理投诉。");
        RequireStatus("handle", ComplaintStatus.Verified, ComplaintStatus.InProgress);
        var text = InvalidInput.Text(notes, "notes", "处理说明", 2000);
        var kind = compensation ?? CompensationKind.None;
        decimal? money = null;
        if (kind is CompensationKind.Credit or CompensationKind.WaivedFee)
        {
            InvalidInput.Require(amount is not null, "compensationAmount", kind == CompensationKind.Credit ? "请填写补偿金额（元）。" : "请填写减免的费用（元）。");
            InvalidInput.Require(amount > 0, "compensationAmount", "金额须大于 0。");
            InvalidInput.Require(Money.Money.Round(amount!.Value) == amount, "compensationAmount", "金额最多两位小数（分）。");
            money = amount;
        }
        else
        {
            InvalidInput.Require(amount is null, "compensationAmount", "只有减免费用或补偿金额需要填写金额。");
        }

        HandlingNotes = text;
        Compensation = kind;
        CompensationAmount = money;
        HandledAt = now;
        HandledBy = by.Name;
        Status = ComplaintStatus.Handled;
        var compensationText = money is { } m ? $"{ComplaintNames.Compensation(kind)} ¥{m:0.00}" : ComplaintNames.Compensation(kind);
        Record(ComplaintStepKind.Handled, by, now, $"{text}（补偿：{compensationText}）");
    }

    /// <summary>关闭 with the complainant's feedback (seed 003 §5.5: 客户反馈).</summary>
    public void Close(Actor by, bool? satisfied, string? comment, DateTimeOffset now)
    {
        RequireComplainantOrPlatform(by, "close");
        RequireStatus("close", ComplaintStatus.Handled);
        InvalidInput.Require(satisfied is not null, "satisfied", "请选择是否满意。");
        var text = InvalidInput.OptionalText(comment, "comment", "反馈意见", 1000);
        InvalidInput.Require(satisfied == true || text is not null, "comment", "不满意时请填写反馈意见。");
        Satisfied = satisfied;
        FeedbackComment = text;
        ClosedAt = now;
        Status = ComplaintStatus.Closed;
        Record(ComplaintStepKind.Closed, by, now, (satisfied == true ? "满意" : "不满意") + Suffix(text));
    }

    /// <summary>重新打开: a complainant who was not satisfied may reopen the complaint once; it goes back to 处理中.</summary>
    public void Reopen(Actor by, string? reason, DateTimeOffset now)
    {
        RequireComplainantOrPlatform(by, "reopen");
        RequireStatus("reopen", ComplaintStatus.Closed);
        if (Satisfied != false)
        {
            throw new WorkflowRuleViolation("R-CMP-1", "客户已表示满意，投诉不能重新打开。");
        }

        if (ReopenCount >= MaxReopens)
        {
            throw new WorkflowRuleViolation("R-CMP-1", "投诉只能重新打开一次。");
        }

        var text = InvalidInput.Text(reason, "reason", "重新打开的原因", 1000);
        ReopenCount++;
        ClosedAt = null;
        Status = ComplaintStatus.InProgress;
        Record(ComplaintStepKind.Reopened, by, now, text);
    }

    private void SetRespondent(Guid organizationId, PartyKind kind)
    {
        if (kind == PartyKind.Dealer)
        {
            RespondentDealerId = organizationId;
        }
        else
        {
            RespondentSupplierId = organizationId;
        }
    }

    // The person complained about belongs to the respondent organisation recorded at filing.
    private Guid? StaffOrganizationOf(Guid personId) => personId == PersonUserId ? RespondentSupplierId ?? RespondentDealerId : null;

    private bool ActsForRespondent(Actor by, string permission) => by.Has(permission) && (by.Party == PartyKind.Platform || IsRespondent(by.OrganizationId));

    // The complainant gives feedback; the platform may record feedback taken by the hotline (400 电话).
    private bool ActsForComplainant(Actor by) =>
        (by.Has(Permissions.ComplaintsFile) && IsComplainant(by.OrganizationId)) || (by.Party == PartyKind.Platform && by.Has(Permissions.ComplaintsHandle));

    private void RequireRespondentOrPlatform(Actor by, string permission, string action, string message)
    {
        if (!ActsForRespondent(by, permission))
        {
            throw new ActionNotPermitted(action, message);
        }
    }

    private void RequireComplainantOrPlatform(Actor by, string action)
    {
        if (!ActsForComplainant(by))
        {
            throw new ActionNotPermitted(action, "只有投诉方或平台可以反馈并关闭投诉。");
        }
    }

    private static void RequirePermission(Actor by, string permission, string action, string message)
    {
        if (!by.Has(permission))
        {
            throw new ActionNotPermitted(action, message);
        }
    }

    private void RequireStatus(string action, params ComplaintStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new TransitionRefused(action, Status.ToString(), $"投诉当前状态为「{ComplaintNames.Status(Status)}」，不能执行此操作。");
        }
    }

    private void Record(ComplaintStepKind kind, Actor by, DateTimeOffset now, string note)
    {
        _steps.Add(new ComplaintStep(Guid.CreateVersion7(now), Id, _steps.Count + 1, kind, Status, now, by.UserId, by.Name, by.OrganizationId, note));
        Version++;
    }

    private static string Suffix(string? text) => text is null ? string.Empty : $"；{text}";
}

/// <summary>One step of a complaint's history: what, who, when (R-CMP-1: 处理过程).</summary>
public sealed class ComplaintStep
{
    private ComplaintStep()
    {
        ActorName = string.Empty;
        Note = string.Empty;
    }

    public ComplaintStep(Guid id, Guid complaintId, int sequence, ComplaintStepKind kind, ComplaintStatus status, DateTimeOffset at, Guid? actorUserId, string actorName, Guid? actorOrganizationId, string note)
    {
        Id = id;
        ComplaintId = complaintId;
        Sequence = sequence;
        Kind = kind;
        Status = status;
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        ActorOrganizationId = actorOrganizationId;
        Note = note.Length > 2000 ? note[..2000] : note;
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public int Sequence { get; private set; }

    public ComplaintStepKind Kind { get; private set; }

    /// <summary>The status the step left the complaint in.</summary>
    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public Guid? ActorOrganizationId { get; private set; }

    public string Note { get; private set; }
}
