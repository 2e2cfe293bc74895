using AfterSales.Domain.Common;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Tests.ServiceRequests;
using AfterSales.Domain.Warranty;
using Xunit;

namespace AfterSales.Domain.Tests.Warranty;

/// <summary>The request's judgement checked against the warranty decision (R-JDG-2): a refusal leaves the request as it was.</summary>
public sealed class JudgeWithWarrantyTests
{
    private static readonly WarrantyDecision Expired = WarrantyRules.Decide(
        new WarrantyFacts(new DateOnly(2024, 1, 10), "equipment", null, null, false, null, null), new WarrantyTerms(), new DateOnly(2026, 11, 20));

    private static readonly ServicePlan Plan = new(ServiceMode.OnSite, null, ["孙浩"], "上门更换主板");

    private static JudgementWarrantyInput Input(string? goodwill = null, string? faultCode = null) => new(faultCode, null, null, goodwill, null, null, null);

    [Fact]
    public void An_expired_asset_judged_in_warranty_without_a_ground_is_refused_and_nothing_changes()
    {
        var scenario = new RequestScenario(type: ServiceType.PaidRepair, withCertificate: false).To(ServiceRequestStatus.UnderAssessment);
        var timeline = scenario.Request.Timeline.Count;

        var refused = Assert.Throws<JudgementRefused>(() => scenario.Request.JudgeWithWarranty(RequestScenario.Agent, Responsibility.Quality, JudgementOutcome.InWarranty,
            null, Plan, null, Input(), Expired, scenario.Now, scenario.Rules));

        Assert.Equal("goodwillReason", refused.Field);
        Assert.Equal(ServiceRequestStatus.UnderAssessment, scenario.Request.Status);
        Assert.Null(scenario.Request.Judgement);
        Assert.Null(scenario.Request.JudgementBasis);
        Assert.Equal(timeline, scenario.Request.Timeline.Count);
    }

    [Fact]
    public void A_goodwill_reason_records_the_ground_the_fault_code_and_the_decision()
    {
        var scenario = new RequestScenario(type: ServiceType.PaidRepair, withCertificate: false).To(ServiceRequestStatus.UnderAssessment);

        scenario.Request.JudgeWithWarranty(RequestScenario.Agent, Responsibility.Quality, JudgementOutcome.InWarranty, null, Plan, null,
            Input("战略客户，免费维修一次", " e-104 "), Expired, scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.Planned, scenario.Request.Status);
        Assert.Equal("E-104", scenario.Request.FaultCode);
        Assert.Equal(scenario.Request.FaultDate, scenario.Request.FaultOn);
        Assert.Equal(FreeServiceGround.Goodwill, scenario.Request.JudgementBasis!.Ground);
        Assert.Same(Expired, scenario.Request.JudgementBasis.Decision);
    }

    [Theory]
    [InlineData("E 104")]
    [InlineData("故障")]
    public void A_fault_code_is_a_short_identifier(string code) =>
        Assert.Equal("faultCode", Assert.Throws<InvalidInput>(() => ServiceRequest.CleanFaultCode(code)).Field);
}
