using System.Net;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Web.Features.CustomerSanctions;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.CustomerSanctions;

/// <summary>
/// R-FRD-1: a serious case blacklists at once; only a platform admin reverses a sanction, with a reason; the reversal is
/// recorded (audited as an update, on the request's timeline), never a delete, and the revoked ruling no longer counts.
/// </summary>
public sealed class RevokeCustomerSanctionTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Only_a_platform_admin_takes_a_customer_off_the_blacklist_with_a_reason_and_the_reversal_is_kept()
    {
        var flow = new RequestFlow(App);
        var request = await flow.CreateAsync("customer2", CustomerSanctionCalls.Customer2Request());
        var later = await flow.CreateAsync("customer2", CustomerSanctionCalls.Customer2Request());
        var platform = await App.ClientForAsync("platform");
        var customer2 = await App.ClientForAsync("customer2");
        var blacklisted = await platform.RuleAsync(request.Id, request.Attachments[0].Id, serious: true);
        Assert.Equal((CustomerSanctionKind.Blacklist, CustomerSanctionBasis.SeriousCase, null), (blacklisted.Kind, blacklisted.Basis, blacklisted.EndsOn));
        Assert.Contains("黑名单", (await (await customer2.NewRequestAsync(CustomerSanctionCalls.Customer2Request())).NamesRuleAsync("R-FRD-1")).GetProperty("detail").GetString());

        // Later: the operator who ruled, the customer and a supplier cannot reverse it; the admin must say why.
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await platform.RevokeAsync(blacklisted.Id, "客户申诉")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer2.RevokeAsync(blacklisted.Id, "我们没有造假")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier.agent")).RevokeAsync(blacklisted.Id, "x")).ProblemAsync(HttpStatusCode.NotFound);
        var admin = await App.ClientForAsync("admin");
        await (await admin.RevokeAsync(blacklisted.Id, " ")).NamesFieldAsync("reason");
        Assert.False((await platform.SanctionsAsync($"organizationId={blacklisted.CustomerOrganizationId}")).Items.Single().MayRevoke);
        Assert.True((await admin.SanctionsAsync($"organizationId={blacklisted.CustomerOrganizationId}")).Items.Single().MayRevoke);

        var revoked = await (await admin.RevokeAsync(blacklisted.Id, "复核第三方鉴定报告，故障属实，撤销判定")).ReadAsync<CustomerSanctionView>();
        Assert.Equal((CustomerSanctionState.Revoked, "李强", "复核第三方鉴定报告，故障属实，撤销判定"), (revoked.State, revoked.RevokedBy, revoked.RevocationReason));
        Assert.Equal(CustomerSanctionCalls.Reason, revoked.Reason);
        await (await admin.RevokeAsync(blacklisted.Id, "再次撤销")).ProblemAsync(HttpStatusCode.Conflict);

        // customer2 files again; the record is still listed, revoked; the request's timeline has both steps.
        (await customer2.NewRequestAsync(CustomerSanctionCalls.Customer2Request())).EnsureSuccessStatusCode();
        Assert.Equal(CustomerSanctionState.Revoked, Assert.Single((await customer2.SanctionsAsync()).Items).State);
        var timeline = (await customer2.ViewAsync(request.Id)).Timeline;
        Assert.Equal(["ruledFraudulent", "fraudRulingRevoked"], timeline.Where(t => t.Action.Contains("raud", StringComparison.Ordinal)).Select(t => t.Action));

        // Audited: created by the operator, updated (not deleted) by the admin with the reversal's fields.
        var audit = await admin.AuditOfAsync(blacklisted.Id);
        Assert.Equal(["created", "updated"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal("李强", audit[1].GetProperty("actorName").GetString());
        Assert.True(audit[1].GetProperty("changes").TryGetProperty("revocationReason", out _), audit[1].ToString());

        // The revoked ruling is no proven case: the next one on customer2 is a first case again.
        var next = await platform.RuleAsync(later.Id, later.Attachments[0].Id);
        Assert.Equal((CustomerSanctionKind.Suspension, CustomerSanctionBasis.FirstCase), (next.Kind, next.Basis));
    }
}
