using System.Net;
using System.Text.Json;
using AfterSales.Data;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Deadlines;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Hosting;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// R-ROLE-1 at every endpoint that takes an id: an organisation that is not party to a record — another customer,
/// a supplier that is not the seller, a dealer of another supplier — gets 404, exactly as if the record did not
/// exist, and the answer carries nothing of the record. Lists show each party only its own.
/// </summary>
public sealed class ServiceRequestIsolationTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Requests = "/api/v1/service-requests";

    private static readonly string[] Actions =
    [
        "supplyInfo", "resolveAtIntake", "receive", "judge", "acceptQuote", "declineQuote", "startService",
        "completeService", "accept", "reject", "revisit", "archive", "cancel", "classifyLevel",
        "dispute", "answerDispute", "sendToAppraisal", "recordAppraisal", "arbitrate", "objectRuling", "reviewRuling",
    ];

    private readonly RequestFlow _flow = new(app);

    public static TheoryData<string> Outsiders => ["customer2", "supplier2.agent", "dealer"];

    [Fact]
    public async Task Every_workflow_action_has_an_endpoint_covered_here()
    {
        Assert.Equal(
            Enum.GetValues<ServiceRequestAction>().Where(a => a != ServiceRequestAction.Validate).Select(ServiceRequest.ActionName).Order(),
            Actions.Order());
        using var anonymous = App.CreateClient();
        var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        Assert.All(Actions, action => Assert.True(openApi.TryGetProperty($"{Requests}/{{id}}/{action}", out _), action));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task An_outsider_gets_404_for_a_request_by_id_and_by_number(string outsider)
    {
        var request = await CustomerRequestAsync();
        var client = await App.ClientForAsync(outsider);

        await AssertHiddenAsync(await client.GetAsync($"{Requests}/{request.Id}", Ct), request, "by id");
        await AssertHiddenAsync(await client.GetAsync($"{Requests}/{request.Number}", Ct), request, "by number");

        var party = await App.ClientForAsync("supplier.agent");
        Assert.Equal(request.Id, (await party.ViewAsync(request.Id)).Id);
        Assert.Equal(request.Id, (await party.GetAsync<ServiceRequestView>($"{Requests}/{request.Number}")).Id);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task An_outsider_gets_404_for_every_workflow_action_and_the_request_stays_as_it_was(string outsider)
    {
        var request = await CustomerRequestAsync();
        var client = await App.ClientForAsync(outsider);

        foreach (var action in Actions)
        {
            await AssertHiddenAsync(await client.PostJsonAsync($"{Requests}/{request.Id}/{action}", ServiceRequestRefusalTests.ValidBody(action)), request, action);
            await AssertHiddenAsync(
                await client.PostJsonAsync($"{Requests}/{request.Number}/{action}", ServiceRequestRefusalTests.ValidBody(action), new Dictionary<string, string> { ["Idempotency-Key"] = $"{outsider}-{action}-{request.Id}" }),
                request,
                $"{action} by number with an Idempotency-Key");
        }

        await (await App.ClientForAsync("customer")).AssertUnchangedAsync(request);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task An_outsider_can_neither_upload_to_nor_download_from_a_request(string outsider)
    {
        var request = await CustomerRequestAsync();
        var attachment = request.Attachments.Single();
        var client = await App.ClientForAsync(outsider);

        await AssertHiddenAsync(await client.UploadAsync(request.Id.ToString(), AttachmentKind.Photo, SampleFiles.Jpeg, "x.jpg"), request, "upload");
        await AssertHiddenAsync(await client.GetAsync($"{Requests}/{request.Id}/attachments/{attachment.Id}", Ct), request, "download");
        await AssertHiddenAsync(await client.GetAsync($"{Requests}/{request.Number}/attachments/{attachment.Id}", Ct), request, "download by number");
        await (await App.ClientForAsync("customer")).AssertUnchangedAsync(request);

        using var own = await (await App.ClientForAsync("customer")).GetAsync(attachment.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(SampleFiles.Pdf, await own.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task An_attachment_is_found_only_under_its_own_request()
    {
        var first = await CustomerRequestAsync();
        var second = await CustomerRequestAsync();
        var customer = await App.ClientForAsync("customer");

        var response = await customer.GetAsync($"{Requests}/{second.Id}/attachments/{first.Attachments.Single().Id}", Ct);

        await AssertHiddenAsync(response, first, "another request's attachment");
        await AssertHiddenAsync(await customer.GetAsync($"{Requests}/{first.Id}/attachments/{Guid.CreateVersion7()}", Ct), first, "unknown attachment");
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task An_outsider_gets_404_for_the_customers_order_asset_and_organisation(string outsider)
    {
        var client = await App.ClientForAsync(outsider);
        var customerOrganization = await OrganizationOfAsync("customer");

        foreach (var url in new[] { "/api/v1/orders/PO-2026-0001", "/api/v1/orders/PO-2026-0008", "/api/v1/assets/EQ-0001", "/api/v1/assets/EQ-0801", $"/api/v1/organizations/{customerOrganization}" })
        {
            using var response = await client.GetAsync(url, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider} GET {url}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("苏州恒达", text, StringComparison.Ordinal);
        }

        var supplier = await App.ClientForAsync("supplier.agent");
        Assert.Equal("PO-2026-0001", (await supplier.GetAsync<OrderView>("/api/v1/orders/PO-2026-0001")).Number);
        Assert.Equal("EQ-0001", (await supplier.GetAsync<AssetView>("/api/v1/assets/EQ-0001")).Serial);
        Assert.Equal(customerOrganization, (await supplier.GetAsync<OrganizationView>($"/api/v1/organizations/{customerOrganization}")).Id);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("customer2")]
    [InlineData("supplier.agent")]
    [InlineData("supplier2.agent")]
    [InlineData("dealer")]
    public async Task The_shipped_presets_are_public_to_every_organisation(string userName)
    {
        var client = await App.ClientForAsync(userName);

        var policies = await client.GetAsync<List<PolicyView>>("/api/v1/policies");
        var presets = policies.Where(p => p.OwnerOrganizationId is null && p.PresetKey is not null).ToList();

        Assert.Equal(PolicyPresets.All.Select(p => p.Key).Order(), presets.Select(p => p.PresetKey!).Order());
        foreach (var preset in presets)
        {
            Assert.Equal(preset.Key, (await client.GetAsync<PolicyView>($"/api/v1/policies/{preset.Id}")).Key);
        }

        Assert.Equal(5, (await client.GetAsync<List<PresetView>>("/api/v1/policies/presets")).Count);
    }

    [Fact]
    public async Task A_suppliers_own_policy_is_seen_only_by_that_supplier_its_dealers_and_their_customers()
    {
        var owner = await OrganizationOfAsync("supplier2.agent");
        var policyId = Guid.CreateVersion7();

        // No API writes policies yet: the row is put in place the way the policy editor will store it.
        await using (var db = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext())
        {
            db.ServicePolicies.Add(new ServicePolicy(policyId, $"own:{policyId:N}", 1, "天伟电机售后政策（合同版）", PolicyPresets.Get(PolicyPresets.Factory).Figures,
                App.Clock.GetUtcNow(), owner, PolicyPresets.Factory));
            await db.SaveChangesAsync(Ct);
        }

        foreach (var outsider in new[] { "customer", "customer2", "supplier.agent" })
        {
            var client = await App.ClientForAsync(outsider);
            using var response = await client.GetAsync($"/api/v1/policies/{policyId}", Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("天伟", text, StringComparison.Ordinal);
            Assert.DoesNotContain((await client.GetAsync<List<PolicyView>>("/api/v1/policies")), p => p.Id == policyId);
        }

        foreach (var party in new[] { "supplier2.agent", "dealer", "platform" })
        {
            var client = await App.ClientForAsync(party);
            Assert.Equal(owner, (await client.GetAsync<PolicyView>($"/api/v1/policies/{policyId}")).OwnerOrganizationId);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task An_outsiders_lists_never_contain_the_customers_requests_or_their_deadlines(string outsider)
    {
        var request = await CustomerRequestAsync();
        await _flow.CreateAsync("customer2", RequestFlow.NewRequestBody("PO-2026-0003", "EQ-0201"));
        var client = await App.ClientForAsync(outsider);

        var requests = await client.AllRequestsAsync();
        var deadlines = await client.GetAsync<Page<DeadlineRow>>("/api/v1/deadlines?page[size]=200");

        Assert.DoesNotContain(requests, r => r.Id == request.Id || r.CustomerName == "苏州恒达制造有限公司");
        Assert.Empty(await client.AllRequestsAsync($"&q={Uri.EscapeDataString(request.Number)}"));
        Assert.DoesNotContain(deadlines.Items, d => d.RequestId == request.Id);
        if (outsider == "customer2")
        {
            Assert.NotEmpty(requests);
            Assert.All(requests, r => Assert.Equal("宁波海川科技有限公司", r.CustomerName));
        }
        else
        {
            Assert.Empty(requests);
        }
    }

    [Theory]
    [InlineData("customer", new[] { "PO-2026-0001", "PO-2025-0007", "PO-2026-0008" }, new[] { "EQ-0001", "EQ-0002", "EQ-0003", "PT-0001", "EQ-0101", "EQ-0801" })]
    [InlineData("customer2", new[] { "PO-2026-0003", "PO-2026-0009" }, new[] { "EQ-0201", "TS-0201" })]
    [InlineData("dealer", new[] { "PO-2026-0101" }, new[] { "MT-0001", "MT-0002" })]
    public async Task Orders_and_assets_lists_show_each_organisation_exactly_its_own_accepted_and_unaccepted(string userName, string[] orders, string[] assets)
    {
        var client = await App.ClientForAsync(userName);

        var orderPage = await client.GetAsync<Page<OrderView>>("/api/v1/orders?page[size]=200");
        var assetPage = await client.GetAsync<Page<AssetView>>("/api/v1/assets?page[size]=200");

        Assert.Equal(orders.Order(), orderPage.Items.Select(o => o.Number).Order());
        Assert.Equal(assets.Order(), assetPage.Items.Select(a => a.Serial).Order());
        Assert.Null(orderPage.Next);
        Assert.Null(assetPage.Next);
    }

    /// <summary>A warranty request of the demo customer with its certificate, pending receipt.</summary>
    private Task<ServiceRequestView> CustomerRequestAsync() => _flow.CreateAsync();

    private async Task<Guid> OrganizationOfAsync(string userName)
    {
        var me = await (await App.ClientForAsync(userName)).GetAsync<JsonElement>("/api/v1/me");
        return me.GetProperty("organization").GetProperty("id").GetGuid();
    }

    /// <summary>404 problem details that say nothing of the record: not its number, symptom, customer or attachments.</summary>
    private static async Task AssertHiddenAsync(HttpResponseMessage response, ServiceRequestView request, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: expected 404, got {(int)response.StatusCode} {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType}");
        foreach (var secret in new[] { request.Number, request.Symptom, request.Customer.Name, request.Contact.Phone }.Concat(request.Attachments.Select(a => a.FileName)))
        {
            Assert.True(!text.Contains(secret, StringComparison.Ordinal), $"{what}: the answer leaks '{secret}': {text}");
        }

        Assert.False(response.Headers.ETag is not null, $"{what}: the answer carries the request's ETag");
    }
}
