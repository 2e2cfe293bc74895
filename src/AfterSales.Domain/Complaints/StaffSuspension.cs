using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Complaints;

/// <summary>
/// 停岗待培训 (R-CMP-1, seed 001 §(五)): a supplier's or dealer's staff member found at fault by a verified complaint is
/// taken off service — 取消当事服务人员服务我公司产品的资格，培训合格后才能重新上岗. While suspended the person may not
/// start or complete a service; recording the retraining (date, course, trainer) lifts it. The record is kept.
/// </summary>
public sealed class StaffSuspension
{
    private StaffSuspension()
    {
        UserName = string.Empty;
        Reason = string.Empty;
        SuspendedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>The person's organisation: it and the platform see the record.</summary>
    public Guid OrganizationId { get; private set; }

    public Guid ComplaintId { get; private set; }

    public string? ComplaintNumber { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset SuspendedAt { get; private set; }

    public string SuspendedBy { get; private set; }

    public DateOnly? TrainedOn { get; private set; }

    public string? Course { get; private set; }

    public string? Trainer { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftedBy { get; private set; }

    public bool IsActive => LiftedAt is null;

    /// <summary>
    /// Suspends the person a verified complaint found at fault for staff service. Only the platform (operator, admin) or
    /// the manager of the person's own organisation may, and only on such a complaint.
    /// </summary>
    public static StaffSuspension Suspend(Guid id, Actor by, ComplainedPerson person, Complaint complaint, string? reason, DateTimeOffset now)
    {
        RequireAuthority(by, person.OrganizationId, "suspend");
        InvalidInput.Require(person.OrganizationKind is PartyKind.Supplier or PartyKind.Dealer, "userId", "只有供应商或经销商的服务人员可以停岗。");
        if (complaint.Status is ComplaintStatus.Filed or ComplaintStatus.Rejected
            || complaint.Responsibility != ComplaintResponsibility.StaffService
            || complaint.StaffAtFaultUserId != person.UserId)
        {
            throw new WorkflowRuleViolation("R-CMP-1", $"只有核实成立、责任主体为服务人员且认定{person.Name}为责任人的投诉才能据以停岗。");
        }

        return new StaffSuspension
        {
            Id = id,
            UserId = person.UserId,
            UserName = person.Name,
            OrganizationId = person.OrganizationId,
            ComplaintId = complaint.Id,
            ComplaintNumber = complaint.Number,
            Reason = InvalidInput.Text(reason, "reason", "停岗原因", 500),
            SuspendedAt = now,
            SuspendedBy = by.Name,
        };
    }

    /// <summary>培训合格后重新上岗: recording the retraining lifts the suspension.</summary>
    public void RecordRetraining(Actor by, DateOnly? trainedOn, string? course, string? trainer, DateTimeOffset now)
    {
        RequireAuthority(by, OrganizationId, "retraining");
        if (!IsActive)
        {
            throw new TransitionRefused("retraining", "lifted", $"{UserName}当前未停岗。");
        }

        InvalidInput.Require(trainedOn is not null, "trainedOn", "请填写培训日期。");
        InvalidInput.Require(trainedOn >= ServiceZone.DateOf(SuspendedAt), "trainedOn", "培训日期不能早于停岗日期。");
        InvalidInput.Require(trainedOn <= ServiceZone.DateOf(now), "trainedOn", "培训日期不能晚于今天。");
        Course = InvalidInput.Text(course, "course", "培训课程", 200);
        Trainer = InvalidInput.Text(trainer, "trainer", "培训讲师", 100);
        TrainedOn = trainedOn;
        LiftedAt = now;
        LiftedBy = by.Name;
    }

    /// <summary>The refusal a suspended person gets for a service action (R-CMP-1).</summary>
    public WorkflowRuleViolation Refusal(string action) => new(
        "R-CMP-1",
        $"{UserName}因投诉 {ComplaintNumber} 已停岗待培训（{Reason}），培训合格并登记后才能{action}。");

    private static void RequireAuthority(Actor by, Guid organizationId, string action)
    {
        var platform = by.Party == PartyKind.Platform;
        if (!by.Has(Permissions.StaffSuspend) || !(platform || by.OrganizationId == organizationId))
        {
            throw new ActionNotPermitted(action, "只有平台运营或该单位的售后经理可以停岗或登记培训。");
        }
    }
}
