using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// Writes that race or repeat (API.md): the version is the ETag and If-Match guards it; two people pressing the
/// same button get one success and one 409; an Idempotency-Key makes a retried create or action return the first result.
/// </summary>
public sealed class ConcurrencyAndIdempotencyTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Requests = "/api/v1/service-requests";
    private readonly RequestFlow _flow = new(app);

    [Fact]
    public async Task The_ETag_header_is_the_requests_version_on_every_answer()
    {
        var customer = await App.ClientForAsync("customer");
        using var created = await customer.PostJsonAsync(Requests, RequestFlow.NewRequestBody(type: "technicalSupport"));
        var view = await created.ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal($"\"{view.Version}\"", created.Headers.ETag?.Tag);

        using var read = await customer.GetAsync($"{Requests}/{view.Id}", Ct);
        Assert.Equal($"\"{(await read.ReadAsync<ServiceRequestView>()).Version}\"", read.Headers.ETag?.Tag);

        using var acted = await (await App.ClientForAsync("supplier.agent")).PostJsonAsync($"{Requests}/{view.Id}/receive", new { note = "受理" });
        var received = await acted.ReadAsync<ServiceRequestView>();
        Assert.Equal($"\"{received.Version}\"", acted.Headers.ETag?.Tag);
        Assert.True(received.Version > view.Version);
    }

    [Fact]
    public async Task A_stale_If_Match_is_409_and_changes_nothing()
    {
        var request = await _flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var stale = $"\"{request.Version - 1}\"";

        var problem = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "受理" }, new Dictionary<string, string> { ["If-Match"] = stale }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("已被他人修改", problem.GetProperty("detail").GetString());
        await agent.AssertUnchangedAsync(request);

        using var current = await agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "受理" }, new Dictionary<string, string> { ["If-Match"] = $"\"{request.Version}\"" });
        Assert.Equal(ServiceRequestStatus.UnderAssessment, (await current.ReadAsync<ServiceRequestView>()).Status);
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_version_is_400_naming_the_header()
    {
        var request = await _flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        await (await agent.PostJsonAsync($"{Requests}/{request.Id}/receive", null, new Dictionary<string, string> { ["If-Match"] = "\"abc\"" })).NamesFieldAsync("If-Match");
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Two_people_receiving_the_same_request_at_once_get_one_success_and_one_409()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var manager = await App.ClientForAsync("supplier.manager");

        // A few rounds: whether the two writes overlap is up to the scheduler; the outcome must not be.
        for (var round = 0; round < 5; round++)
        {
            var request = await _flow.CreateAsync();
            var responses = await Task.WhenAll(
                agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "客服受理" }),
                manager.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "经理受理" }));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
                $"round {round}: {string.Join(", ", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}")))}");
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
            var view = await agent.ViewAsync(request.Id);
            Assert.Equal(ServiceRequestStatus.UnderAssessment, view.Status);
            Assert.Single(view.Timeline, t => t.Action == "receive");
            Assert.Equal(request.Version + 1, view.Version);
        }
    }

    [Fact]
    public async Task Uploads_to_one_request_at_the_same_time_are_all_kept_or_refused_with_409()
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => customer.UploadAsync(request.Id.ToString(), AttachmentKind.Photo, SampleFiles.Jpeg, $"故障{i}.jpg")));

        var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}"));
        Assert.True(responses.All(r => r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join("\n", answers));
        var view = await customer.ViewAsync(request.Id);
        Assert.Equal(1 + responses.Count(r => r.StatusCode == HttpStatusCode.Created), view.Attachments.Count);
        Assert.Equal(view.Attachments.Count, view.Timeline.Count(t => t.Action == "attachmentAdded"));
    }

    [Fact]
    public async Task Filing_twice_with_the_same_Idempotency_Key_files_one_request()
    {
        var customer = await App.ClientForAsync("customer");
        var marker = $"重复提交 {Guid.NewGuid():N}";
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"create-{marker}" };

        var first = await (await customer.PostJsonAsync(Requests, Body(marker), headers)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        var second = await (await customer.PostJsonAsync(Requests, Body(marker), headers)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Number, second.Number);
        Assert.Single(await customer.AllRequestsAsync($"&q={Uri.EscapeDataString(marker)}"));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_body_is_422_R_IDEM_and_files_nothing()
    {
        var customer = await App.ClientForAsync("customer");
        var marker = $"改了内容 {Guid.NewGuid():N}";
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"create-{marker}" };
        await (await customer.PostJsonAsync(Requests, Body(marker), headers)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

        await (await customer.PostJsonAsync(Requests, Body(marker + " 另一个"), headers)).NamesRuleAsync("R-IDEM");

        Assert.Single(await customer.AllRequestsAsync($"&q={Uri.EscapeDataString(marker)}"));
    }

    [Fact]
    public async Task An_Idempotency_Key_belongs_to_its_user_so_two_customers_with_one_key_file_two_requests()
    {
        var marker = $"同一个键 {Guid.NewGuid():N}";
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"shared-{marker}" };
        var body = new
        {
            orderNumber = "PO-2026-0003",
            assetSerial = "EQ-0201",
            type = "technicalSupport",
            symptom = marker,
            contact = new { name = "李工", phone = "13900000000" },
        };

        var mine = await (await (await App.ClientForAsync("customer")).PostJsonAsync(Requests, Body(marker), headers)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        var theirs = await (await (await App.ClientForAsync("customer2")).PostJsonAsync(Requests, body, headers)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal("宁波海川科技有限公司", theirs.Customer.Name);
    }

    [Fact]
    public async Task An_Idempotency_Key_over_200_characters_is_400_naming_the_header()
    {
        var customer = await App.ClientForAsync("customer");
        var marker = $"超长键 {Guid.NewGuid():N}";

        await (await customer.PostJsonAsync(Requests, Body(marker), new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) })).NamesFieldAsync("Idempotency-Key");

        Assert.Empty(await customer.AllRequestsAsync($"&q={Uri.EscapeDataString(marker)}"));
    }

    [Fact]
    public async Task Five_simultaneous_creates_with_one_Idempotency_Key_file_one_request()
    {
        var customer = await App.ClientForAsync("customer");
        var marker = $"并发提交 {Guid.NewGuid():N}";
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"create-{marker}" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => customer.PostJsonAsync(Requests, Body(marker), headers)));

        var views = await Task.WhenAll(responses.Select(r => r.ReadAsync<ServiceRequestView>(HttpStatusCode.Created)));
        Assert.Single(views.Select(v => (v.Id, v.Number)).Distinct());
        Assert.Single(await customer.AllRequestsAsync($"&q={Uri.EscapeDataString(marker)}"));
    }

    [Fact]
    public async Task An_action_repeated_with_its_Idempotency_Key_replays_the_first_result()
    {
        var request = await _flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"receive-{request.Id}" };

        var first = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "受理" }, headers)).ReadAsync<ServiceRequestView>();
        var replay = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "受理" }, headers)).ReadAsync<ServiceRequestView>();

        Assert.Equal(ServiceRequestStatus.UnderAssessment, replay.Status);
        Assert.Equal(first.Version, replay.Version);
        Assert.Single(replay.Timeline, t => t.Action == "receive");

        var other = await _flow.CreateAsync();
        await (await agent.PostJsonAsync($"{Requests}/{other.Id}/receive", new { note = "受理" }, headers)).NamesRuleAsync("R-IDEM");
        await agent.AssertUnchangedAsync(other);
    }

    [Fact]
    public async Task Simultaneous_retries_of_an_action_with_one_Idempotency_Key_all_get_the_first_result()
    {
        var request = await _flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"receive-race-{request.Id}" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => agent.PostJsonAsync($"{Requests}/{request.Id}/receive", new { note = "受理" }, headers)));

        var views = await Task.WhenAll(responses.Select(r => r.ReadAsync<ServiceRequestView>()));
        Assert.All(views, v => Assert.Equal(ServiceRequestStatus.UnderAssessment, v.Status));
        Assert.Single(views.Select(v => v.Version).Distinct());
        Assert.Single((await agent.ViewAsync(request.Id)).Timeline, t => t.Action == "receive");
    }

    /// <summary>A technical-support request (no certificate needed) told apart by its symptom.</summary>
    private static object Body(string symptom) => new
    {
        orderNumber = "PO-2026-0001",
        assetSerial = "EQ-0002",
        type = "technicalSupport",
        symptom,
        requestedResolution = "remote",
        urgency = "normal",
        contact = new { name = "张工", phone = "13800000000" },
    };
}
