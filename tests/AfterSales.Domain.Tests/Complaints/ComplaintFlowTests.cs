using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Complaints;

/// <summary>
/// The complaint's status flow (R-CMP-1): 待核实 → 已核实 | 不成立; 已核实 → 处理中 → 已处理 → 已关闭; an unsatisfied
/// complainant reopens once. Every action is tried in every status: allowed where the flow says, refused (409) elsewhere.
/// </summary>
public sealed class ComplaintFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid CustomerOrg = Guid.NewGuid();
    private static readonly Guid SupplierOrg = Guid.NewGuid();
    private static readonly Guid OtherSupplierOrg = Guid.NewGuid();
    private static readonly ComplainedPerson Engineer = new(Guid.NewGuid(), "孙浩", SupplierOrg, PartyKind.Supplier);

    private static readonly Actor Customer = Person("张伟", CustomerOrg, PartyKind.Customer, Permissions.ComplaintsFile);
    private static readonly Actor Manager = Person("周杰", SupplierOrg, PartyKind.Supplier, Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend);
    private static readonly Actor Agent = Person("赵丽", SupplierOrg, PartyKind.Supplier, Permissions.ComplaintsFile, Permissions.ComplaintsHandle);
    private static readonly Actor Outsider = Person("吴芳", OtherSupplierOrg, PartyKind.Supplier, Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend);
    private static readonly Actor Platform = Person("王敏", Guid.NewGuid(), PartyKind.Platform, Permissions.ComplaintsFile, Permissions.ComplaintsVerify, Permissions.ComplaintsHandle, Permissions.StaffSuspend);

    public static TheoryData<string, ComplaintStatus, bool> Matrix()
    {
        var allowed = new Dictionary<string, ComplaintStatus[]>
        {
            ["verify"] = [ComplaintStatus.Filed],
            ["reject"] = [ComplaintStatus.Filed],
            ["startHandling"] = [ComplaintStatus.Verified],
            ["handle"] = [ComplaintStatus.Verified, ComplaintStatus.InProgress],
            ["close"] = [ComplaintStatus.Handled],
        };
        var data = new TheoryData<string, ComplaintStatus, bool>();
        foreach (var (action, statuses) in allowed)
        {
            foreach (var status in Enum.GetValues<ComplaintStatus>())
            {
                data.Add(action, status, statuses.Contains(status));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_action_is_allowed_only_in_its_statuses(string action, ComplaintStatus status, bool allowed)
    {
        var complaint = In(status);
        var before = complaint.Steps.Count;

        void Act()
        {
            switch (action)
            {
                case "verify": complaint.Verify(Manager, ComplaintResponsibility.ProductQuality, null, null, Now); break;
                case "reject": complaint.Reject(Manager, "不成立", Now); break;
                case "startHandling": complaint.StartHandling(Agent, null, Now); break;
                case "handle": complaint.Handle(Agent, "已处理", CompensationKind.None, null, Now); break;
                case "close": complaint.Close(Customer, true, null, Now); break;
            }
        }

        if (allowed)
        {
            Act();
            Assert.Equal(before + 1, complaint.Steps.Count);
        }
        else
        {
            var refused = Assert.Throws<TransitionRefused>(Act);
            Assert.Equal((action, status.ToString()), (refused.Action, refused.CurrentStatus));
            Assert.Equal((status, before), (complaint.Status, complaint.Steps.Count));
        }
    }

    [Theory]
    [InlineData(ComplaintStatus.Filed)]
    [InlineData(ComplaintStatus.Verified)]
    [InlineData(ComplaintStatus.Rejected)]
    [InlineData(ComplaintStatus.InProgress)]
    [InlineData(ComplaintStatus.Handled)]
    public void Reopen_is_refused_before_closing(ComplaintStatus status)
    {
        Assert.Throws<TransitionRefused>(() => In(status).Reopen(Customer, "重开", Now));
    }

    [Fact]
    public void An_unsatisfied_complainant_reopens_once_and_a_satisfied_one_not_at_all()
    {
        var complaint = In(ComplaintStatus.Handled);
        complaint.Close(Customer, false, "补偿太少", Now);
        Assert.True(complaint.CanReopen);
        complaint.Reopen(Customer, "希望重新评估", Now);
        Assert.Equal((ComplaintStatus.InProgress, 1, (DateTimeOffset?)null), (complaint.Status, complaint.ReopenCount, complaint.ClosedAt));
        complaint.Handle(Agent, "追加补偿", CompensationKind.Credit, 300m, Now);
        complaint.Close(Customer, false, "仍不满意", Now);
        Assert.Equal("R-CMP-1", Assert.Throws<WorkflowRuleViolation>(() => complaint.Reopen(Customer, "再次", Now)).RuleId);

        var satisfied = In(ComplaintStatus.Handled);
        satisfied.Close(Customer, true, null, Now);
        Assert.False(satisfied.CanReopen);
        Assert.Equal("R-CMP-1", Assert.Throws<WorkflowRuleViolation>(() => satisfied.Reopen(Customer, "改主意", Now)).RuleId);
    }

    [Fact]
    public void Verification_is_due_24_hours_after_filing_and_late_verification_is_marked()
    {
        var complaint = In(ComplaintStatus.Filed);
        Assert.Equal(Now.AddHours(24), complaint.VerificationDueAt);
        Assert.False(complaint.IsVerificationOverdue(Now.AddHours(24)));
        Assert.True(complaint.IsVerificationOverdue(Now.AddHours(24).AddSeconds(1)));

        complaint.Verify(Platform, ComplaintResponsibility.CustomerUse, null, null, Now.AddHours(30));
        Assert.True(complaint.WasVerifiedLate);
        Assert.False(complaint.IsVerificationOverdue(Now.AddHours(31)));
    }

    [Fact]
    public void Only_the_complained_about_side_or_the_platform_verifies_and_handles_and_only_the_complainant_or_platform_closes()
    {
        var complaint = In(ComplaintStatus.Filed);
        Assert.Throws<ActionNotPermitted>(() => complaint.Verify(Customer, ComplaintResponsibility.CustomerUse, null, null, Now));
        Assert.Throws<ActionNotPermitted>(() => complaint.Verify(Outsider, ComplaintResponsibility.CustomerUse, null, null, Now));
        Assert.Throws<ActionNotPermitted>(() => complaint.Verify(Agent, ComplaintResponsibility.CustomerUse, null, null, Now));
        Assert.False(complaint.MayVerify(Agent));
        Assert.True(complaint.MayVerify(Platform));
        complaint.Verify(Platform, ComplaintResponsibility.CustomerUse, null, null, Now);

        Assert.Throws<ActionNotPermitted>(() => complaint.Handle(Customer, "自行处理", null, null, Now));
        Assert.Throws<ActionNotPermitted>(() => complaint.Handle(Outsider, "代为处理", null, null, Now));
        complaint.Handle(Agent, "已处理", null, null, Now);
        Assert.Throws<ActionNotPermitted>(() => complaint.Close(Agent, true, null, Now));
        Assert.True(complaint.MayClose(Platform));
        complaint.Close(Customer, true, null, Now);
    }

    [Fact]
    public void Handling_asks_an_amount_in_fen_for_credit_and_waived_fee_and_none_otherwise()
    {
        Assert.Equal("compensationAmount", Assert.Throws<InvalidInput>(() => In(ComplaintStatus.Verified).Handle(Agent, "x", CompensationKind.Credit, null, Now)).Field);
        Assert.Equal("compensationAmount", Assert.Throws<InvalidInput>(() => In(ComplaintStatus.Verified).Handle(Agent, "x", CompensationKind.WaivedFee, 0m, Now)).Field);
        Assert.Equal("compensationAmount", Assert.Throws<InvalidInput>(() => In(ComplaintStatus.Verified).Handle(Agent, "x", CompensationKind.Credit, 10.001m, Now)).Field);
        Assert.Equal("compensationAmount", Assert.Throws<InvalidInput>(() => In(ComplaintStatus.Verified).Handle(Agent, "x", CompensationKind.Replacement, 10m, Now)).Field);
        var complaint = In(ComplaintStatus.Verified);
        complaint.Handle(Agent, "减免上门费", CompensationKind.WaivedFee, 200.50m, Now);
        Assert.Equal((CompensationKind.WaivedFee, 200.50m), (complaint.Compensation, complaint.CompensationAmount));
    }

    [Fact]
    public void Staff_service_names_the_person_at_fault_who_must_belong_to_the_complained_about_organisation()
    {
        var complaint = In(ComplaintStatus.Filed);
        var stranger = new ComplainedPerson(Guid.NewGuid(), "吴芳", OtherSupplierOrg, PartyKind.Supplier);
        Assert.Equal("staffUserId", Assert.Throws<InvalidInput>(() => complaint.Verify(Platform, ComplaintResponsibility.StaffService, stranger, null, Now)).Field);
        Assert.Equal("staffUserId", Assert.Throws<InvalidInput>(() => complaint.Verify(Platform, ComplaintResponsibility.ProductQuality, Engineer, null, Now)).Field);
        complaint.Verify(Platform, ComplaintResponsibility.StaffService, Engineer, "迟到", Now);
        Assert.Equal((Engineer.UserId, "孙浩"), (complaint.StaffAtFaultUserId, complaint.StaffAtFaultName));
    }

    [Fact]
    public void A_suspension_needs_a_verified_staff_service_complaint_naming_the_person_and_retraining_lifts_it()
    {
        var unverified = In(ComplaintStatus.Filed);
        Assert.Equal("R-CMP-1", Assert.Throws<WorkflowRuleViolation>(() => StaffSuspension.Suspend(Guid.NewGuid(), Manager, Engineer, unverified, "x", Now)).RuleId);

        var complaint = In(ComplaintStatus.Filed);
        complaint.Verify(Manager, ComplaintResponsibility.StaffService, Engineer, null, Now);
        Assert.Throws<ActionNotPermitted>(() => StaffSuspension.Suspend(Guid.NewGuid(), Agent, Engineer, complaint, "x", Now));
        Assert.Throws<ActionNotPermitted>(() => StaffSuspension.Suspend(Guid.NewGuid(), Outsider, Engineer, complaint, "x", Now));
        var suspension = StaffSuspension.Suspend(Guid.NewGuid(), Manager, Engineer, complaint, "服务态度差", Now);
        Assert.True(suspension.IsActive);
        Assert.Equal("R-CMP-1", suspension.Refusal("开始服务").RuleId);

        Assert.Equal("trainedOn", Assert.Throws<InvalidInput>(() => suspension.RecordRetraining(Manager, new DateOnly(2026, 11, 22), "课程", "讲师", Now)).Field);
        Assert.Equal("trainer", Assert.Throws<InvalidInput>(() => suspension.RecordRetraining(Manager, new DateOnly(2026, 11, 23), "课程", " ", Now)).Field);
        suspension.RecordRetraining(Platform, new DateOnly(2026, 11, 23), "服务礼仪", "王敏", Now);
        Assert.False(suspension.IsActive);
        Assert.Throws<TransitionRefused>(() => suspension.RecordRetraining(Platform, new DateOnly(2026, 11, 23), "服务礼仪", "王敏", Now));
    }

    [Fact]
    public void Filing_checks_the_subject_and_the_content()
    {
        var request = new ComplainedRequest(Guid.NewGuid(), "SR-2026-000001", SupplierOrg, null);
        Assert.Equal("requestId", Assert.Throws<InvalidInput>(() => File(ComplaintSubject.Request, null, null)).Field);
        Assert.Equal("personUserId", Assert.Throws<InvalidInput>(() => File(ComplaintSubject.Person, null, null)).Field);
        Assert.Equal("content", Assert.Throws<InvalidInput>(() => Complaint.File(Guid.NewGuid(), "TS-2026-000001", Customer, ComplaintSubject.Request, request, null, null, ComplaintChannel.Portal, "  ", null, Now)).Field);
        Assert.Throws<ActionNotPermitted>(() => Complaint.File(Guid.NewGuid(), "TS-2026-000001", Person("x", CustomerOrg, PartyKind.Customer), ComplaintSubject.Request, request, null, null, ComplaintChannel.Portal, "内容", null, Now));
        Assert.Equal("subject", Assert.Throws<InvalidInput>(() => Complaint.File(Guid.NewGuid(), "TS-2026-000001", Agent, ComplaintSubject.Request, request, null, null, ComplaintChannel.Portal, "内容", null, Now)).Field);

        var general = File(ComplaintSubject.Service, null, null);
        Assert.Equal(((Guid?)null, (Guid?)null), (general.RespondentSupplierId, general.RespondentDealerId));
        var aboutPerson = File(ComplaintSubject.Person, null, Engineer);
        Assert.Equal(SupplierOrg, aboutPerson.RespondentSupplierId);
    }

    private static Complaint File(ComplaintSubject subject, ComplainedRequest? request, ComplainedPerson? person) =>
        Complaint.File(Guid.NewGuid(), "TS-2026-000001", Customer, subject, request, person, null, ComplaintChannel.Portal, "投诉内容", null, Now);

    // A complaint about a request of the supplier, driven to the status a test needs.
    private static Complaint In(ComplaintStatus status)
    {
        var complaint = Complaint.File(Guid.NewGuid(), "TS-2026-000001", Customer, ComplaintSubject.Request,
            new ComplainedRequest(Guid.NewGuid(), "SR-2026-000001", SupplierOrg, null), null, null, ComplaintChannel.Hotline, "工程师迟到", "道歉", Now);
        switch (status)
        {
            case ComplaintStatus.Rejected:
                complaint.Reject(Manager, "不成立", Now);
                break;
            case ComplaintStatus.Verified or ComplaintStatus.InProgress or ComplaintStatus.Handled or ComplaintStatus.Closed:
                complaint.Verify(Manager, ComplaintResponsibility.ProductQuality, null, null, Now);
                if (status == ComplaintStatus.Verified)
                {
                    break;
                }

                complaint.StartHandling(Agent, null, Now);
                if (status == ComplaintStatus.InProgress)
                {
                    break;
                }

                complaint.Handle(Agent, "已处理", CompensationKind.None, null, Now);
                if (status == ComplaintStatus.Closed)
                {
                    complaint.Close(Customer, true, null, Now);
                }

                break;
        }

        Assert.Equal(status, complaint.Status);
        return complaint;
    }

    private static Actor Person(string name, Guid organization, PartyKind party, params string[] permissions) =>
        new(Guid.NewGuid(), name, party.ToString(), organization, party, permissions.ToHashSet());
}
