using System.Net;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.CustomerSanctions;

/// <summary>
/// 判定虚假质量索赔 (R-FRD-1, seed 000 §五.1): a platform operator rules a request a fake claim with evidence; the customer
/// organisation's new requests are refused until the date three months on (Asia/Shanghai), a second proven case
/// blacklists it; the ruling is audited and on the request's timeline; only the platform and the customer itself see it.
/// </summary>
public sealed class RuleFraudulentClaimTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_fake_claim_stops_the_customers_new_requests_until_three_months_on_and_a_second_one_blacklists()
    {
        var flow = new RequestFlow(App);
        var first = await flow.CreateAsync();
        var second = await flow.CreateAsync();
        var platform = await App.ClientForAsync("platform");
        var customer = await App.ClientForAsync("customer");
        var evidence = await platform.UploadEvidenceAsync(first.Id);

        var sanction = await platform.RuleAsync(first.Id, evidence);

        Assert.Equal((CustomerSanctionKind.Suspension, CustomerSanctionState.Active), (sanction.Kind, sanction.State));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2027, 2, 23)), (sanction.StartsOn, sanction.EndsOn));
        Assert.Equal(("苏州恒达制造有限公司", first.Number, "王敏"), (sanction.CustomerName, sanction.ServiceRequestNumber, sanction.RuledBy));
        Assert.Equal("现场核查照片.png", Assert.Single(sanction.Evidence).FileName);

        // The customer's next request is refused with the rule and the date its rights come back.
        var refusal = await (await customer.NewRequestAsync()).NamesRuleAsync("R-FRD-1");
        Assert.Contains("因虚假索赔，贵单位的售后申请权限暂停至 2027-02-23", refusal.GetProperty("detail").GetString());

        // The request's timeline says so, its status is untouched; ruling it again is refused.
        var ruled = await customer.ViewAsync(first.Id);
        var entry = ruled.Timeline.Single(t => t.Action == "ruledFraudulent");
        Assert.Contains(CustomerSanctionCalls.Reason, entry.Note);
        Assert.Contains("2027-02-23", entry.Note);
        Assert.Equal(first.Status, ruled.Status);
        await (await platform.RuleFraudulentAsync(first.Id, new { reason = "重复判定", evidenceAttachmentIds = new[] { evidence } })).ProblemAsync(HttpStatusCode.Conflict);

        // A second proven case (the other request, filed before the ruling) puts the organisation on the blacklist.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var blacklisted = await platform.RuleAsync(second.Id, second.Attachments[0].Id);
        Assert.Equal((CustomerSanctionKind.Blacklist, CustomerSanctionBasis.RepeatCase, null), (blacklisted.Kind, blacklisted.Basis, blacklisted.EndsOn));
        var refusedAgain = await (await customer.NewRequestAsync()).NamesRuleAsync("R-FRD-1");
        Assert.Contains("黑名单", refusedAgain.GetProperty("detail").GetString());

        // Filters: organisation, kind, in force.
        var customerOrg = sanction.CustomerOrganizationId;
        Assert.Equal(2, (await platform.SanctionsAsync($"organizationId={customerOrg}")).Items.Count);
        Assert.Equal(blacklisted.Id, Assert.Single((await platform.SanctionsAsync($"organizationId={customerOrg}&kind=blacklist")).Items).Id);
        Assert.Equal(2, (await platform.SanctionsAsync($"organizationId={customerOrg}&active=true")).Items.Count);
        Assert.Empty((await platform.SanctionsAsync($"organizationId={customerOrg}&active=false")).Items);

        // The customer sees its own sanctions; another customer none of them; suppliers may not list them.
        Assert.Equal([blacklisted.Id, sanction.Id], (await customer.SanctionsAsync()).Items.Select(s => s.Id));
        var customer2 = await App.ClientForAsync("customer2");
        Assert.Empty((await customer2.SanctionsAsync()).Items);
        await (await customer2.GetAsync($"/api/v1/customer-sanctions/{sanction.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("supplier.agent")).GetAsync("/api/v1/customer-sanctions", Ct)).ProblemAsync(HttpStatusCode.Forbidden);

        // Both rulings are in the audit trail, made by the operator.
        var audit = await (await App.ClientForAsync("admin")).AuditOfAsync(sanction.Id);
        var created = Assert.Single(audit);
        Assert.Equal(("created", "王敏"), (created.GetProperty("action").GetString(), created.GetProperty("actorName").GetString()));
        Assert.Single(await (await App.ClientForAsync("admin")).AuditOfAsync(blacklisted.Id));
    }

    [Fact]
    public async Task Only_the_platform_rules_and_only_with_a_reason_and_evidence_from_the_request()
    {
        var flow = new RequestFlow(App);
        var request = await flow.CreateAsync("customer2", CustomerSanctionCalls.Customer2Request());
        var other = await flow.CreateAsync("customer2", CustomerSanctionCalls.Customer2Request());
        var evidence = request.Attachments[0].Id;
        var body = new { reason = CustomerSanctionCalls.Reason, evidenceAttachmentIds = new[] { evidence } };

        await (await (await App.ClientForAsync("supplier.agent")).RuleFraudulentAsync(request.Id, body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("customer2")).RuleFraudulentAsync(request.Id, body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("customer")).RuleFraudulentAsync(request.Id, body)).ProblemAsync(HttpStatusCode.NotFound);
        var platform = await App.ClientForAsync("platform");
        await (await platform.RuleFraudulentAsync(request.Id, new { evidenceAttachmentIds = new[] { evidence } })).NamesFieldAsync("reason");
        await (await platform.RuleFraudulentAsync(request.Id, new { reason = CustomerSanctionCalls.Reason })).NamesFieldAsync("evidenceAttachmentIds");
        await (await platform.RuleFraudulentAsync(request.Id, new { reason = CustomerSanctionCalls.Reason, evidenceAttachmentIds = new[] { other.Attachments[0].Id } }))
            .NamesFieldAsync("evidenceAttachmentIds");

        // Nothing was recorded: customer2 still files requests and its request's timeline has no ruling.
        Assert.Empty((await platform.SanctionsAsync($"organizationId={(await platform.ViewAsync(request.Id)).Customer.Id}")).Items);
        Assert.DoesNotContain((await platform.ViewAsync(request.Id)).Timeline, t => t.Action == "ruledFraudulent");
        (await (await App.ClientForAsync("customer2")).NewRequestAsync(CustomerSanctionCalls.Customer2Request())).EnsureSuccessStatusCode();
    }
}
