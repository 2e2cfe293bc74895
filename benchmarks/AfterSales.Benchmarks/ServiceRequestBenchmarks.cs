using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// The aggregate's own cost for the first half of the loop — Submit → (certificate) → Validate → Receive → Judge —
/// with the inputs tests/AfterSales.Domain.Tests/ServiceRequests/RequestScenario.cs uses: the B2B-platform preset
/// (seed 000) on cn-9-18, an in-warranty asset, on-site mode. Each pass opens four deadlines (IntakeCheck, Receive and
/// Plan, each closed on time by the next step, and OnSiteArrival, left running) and writes five timeline entries.
/// </summary>
[MemoryDiagnoser]
public class ServiceRequestBenchmarks
{
    private static readonly DateTimeOffset _start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid _customerOrg = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid _supplierOrg = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private readonly Actor _customer = ActorFor(_customerOrg, PartyKind.Customer, Roles.CustomerUser, "张伟");
    private readonly Actor _agent = ActorFor(_supplierOrg, PartyKind.Supplier, Roles.SupplierAgent, "赵丽");
    private readonly ServiceRequestParties _parties = new(_customerOrg, _supplierOrg, null, Guid.NewGuid(), "PO-2026-0001", Guid.NewGuid(), "EQ-0001");
    private readonly ServiceRequestDetails _details = new(
        ServiceType.WarrantyRepair, "开机报错 E03", _start.AddHours(-2), "导致生产线停工", "已重启", ServiceMode.OnSite, Urgency.Urgent,
        new ContactPerson("张工", "13800000000"), RequestChannel.Portal);

    private readonly WarrantyDecision _warranty = new(WarrantyStatus.InWarranty, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), 12, ["R-WTY-1"], "在保");
    private readonly ServicePlan _plan = new(ServiceMode.OnSite, _start.AddDays(1), ["孙浩"], "上门更换主板");
    private ServicePolicy _policy = null!;
    private ServiceRules _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        var preset = PolicyPresets.Get(PolicyPresets.B2BPlatform);
        _policy = new ServicePolicy(Guid.NewGuid(), "preset:" + preset.Key, 1, preset.NameZh, preset.Figures, _start, null, preset.Key);
        _rules = new ServiceRules(preset.Figures, WorkingCalendars.BuiltIn[preset.Figures.CalendarId]);

        var request = SubmitToPlanned();
        if (request.Status != ServiceRequestStatus.Planned || request.Deadlines.Count != 4 || request.Timeline.Count != 5)
        {
            throw new InvalidOperationException(
                $"Expected planned with 4 deadlines and 5 timeline entries, got {request.Status}, {request.Deadlines.Count}, {request.Timeline.Count}.");
        }
    }

    [Benchmark(Description = "Submit → Validate → Receive → Judge (in warranty)")]
    public ServiceRequest SubmitToPlanned()
    {
        var now = _start;
        var request = ServiceRequest.Submit(Guid.NewGuid(), "SR-2026-000001", _parties, _details, _policy, _warranty, _customer, now, _rules);
        request.AddAttachment(
            new Attachment(Guid.NewGuid(), request.Id, AttachmentKind.Certificate, "Certificate.pdf", "application/pdf", 100, "stored", new string('0', 64), now, _customer.Name, _customer.OrganizationId),
            _customer, now, _rules);
        request.Validate(now, _rules);
        now = now.AddMinutes(30);
        request.Receive(_agent, "初步判断主板故障", now, _rules);
        now = now.AddHours(2);
        request.Judge(_agent, Responsibility.Quality, JudgementOutcome.InWarranty, "主板电容老化", _plan, null, null, now, _rules);
        return request;
    }

    private static Actor ActorFor(Guid org, PartyKind party, string role, string name) =>
        new(Guid.NewGuid(), name, role, org, party, Roles.Get(role).Grants.ToHashSet());
}
