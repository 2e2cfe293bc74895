using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// Each kind of refusal of API.md, as problem details that say why: 409 wrong state, 403 not allowed,
/// 404 another organisation's record, 400 naming the field, 422 naming the rule, 401, 413 and 415 —
/// and in every case nothing changed.
/// </summary>
public sealed class ServiceRequestRefusalTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Requests = "/api/v1/service-requests";
    private readonly RequestFlow _flow = new(app);

    [Fact]
    public async Task Archiving_a_request_that_is_pending_receipt_is_409_naming_the_current_status()
    {
        var request = await _flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/archive", null)).NamesRuleAsync("R-FLOW", HttpStatusCode.Conflict);

        Assert.Equal("pendingReceipt", problem.GetProperty("currentStatus").GetString());
        Assert.Equal("archive", problem.GetProperty("action").GetString());
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Accepting_a_quote_when_none_is_pending_is_409_naming_the_current_status()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.Planned);
        var customer = await App.ClientForAsync("customer");

        var problem = await (await customer.PostJsonAsync($"{Requests}/{request.Id}/acceptQuote", null)).NamesRuleAsync("R-FLOW", HttpStatusCode.Conflict);

        Assert.Equal("planned", problem.GetProperty("currentStatus").GetString());
        await customer.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Uploading_to_a_cancelled_request_is_409_and_nothing_is_stored()
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var cancelled = await customer.ActAsync(request.Id, "cancel", new { reason = "已自行修复" });
        var filesBefore = StoredFiles();

        var problem = await (await customer.UploadAsync(request.Id.ToString(), AttachmentKind.Photo, SampleFiles.Jpeg, "晚到的照片.jpg")).NamesRuleAsync("R-FLOW", HttpStatusCode.Conflict);

        Assert.Equal("cancelled", problem.GetProperty("currentStatus").GetString());
        await customer.AssertUnchangedAsync(cancelled);
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Theory]
    [InlineData("cancel", "reason")]
    [InlineData("receive", "note")]
    public async Task An_action_with_a_missing_or_overlong_text_is_400_naming_it(string action, string field)
    {
        var request = await _flow.CreateAsync();
        var client = await App.ClientForAsync(action == "cancel" ? "customer" : "supplier.agent");
        object body = action == "cancel" ? new { reason = " " } : new { note = new string('长', 2001) };

        await (await client.PostJsonAsync($"{Requests}/{request.Id}/{action}", body)).NamesFieldAsync(field);
        await client.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Rejecting_with_evidence_from_another_request_is_400_naming_the_evidence()
    {
        var other = await _flow.CreateAsync();
        var request = await _flow.ToAsync(ServiceRequestStatus.PendingAcceptance);
        var customer = await App.ClientForAsync("customer");

        var response = await customer.PostJsonAsync($"{Requests}/{request.Id}/reject", new { failedItems = new[] { "仍报警" }, evidenceAttachmentIds = new[] { other.Attachments.Single().Id } });

        await response.NamesFieldAsync("evidenceAttachmentIds");
        await customer.AssertUnchangedAsync(request);
    }

    [Theory]
    [InlineData("customer", "receive")]
    [InlineData("supplier.engineer", "receive")]
    [InlineData("customer", "archive")]
    [InlineData("customer", "judge")]
    [InlineData("supplier.agent", "supplyInfo")]
    public async Task A_party_whose_role_may_not_take_the_action_gets_403(string userName, string action)
    {
        var request = await _flow.CreateAsync();
        var client = await App.ClientForAsync(userName);

        var response = await client.PostJsonAsync($"{Requests}/{request.Id}/{action}", ValidBody(action));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        await client.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task A_customer_of_another_organisation_gets_404_for_the_request_and_its_actions()
    {
        var request = await _flow.CreateAsync();
        var outsider = await App.ClientForAsync("customer2");

        await (await outsider.GetAsync($"{Requests}/{request.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"{Requests}/{request.Number}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostJsonAsync($"{Requests}/{request.Id}/cancel", new { reason = "不是我的单" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.ClientForAsync("customer")).AssertUnchangedAsync(request);
    }

    [Theory]
    [InlineData("orderNumber", null, "orderNumber")]
    [InlineData("symptom", null, "symptom")]
    [InlineData("symptom", "\"   \"", "symptom")]
    [InlineData("contact.phone", null, "contact.phone")]
    [InlineData("contact", null, "contact")]
    [InlineData("type", null, "type")]
    [InlineData("type", "\"warrantyRepiar\"", "type")]
    [InlineData("urgency", "2", "urgency")]
    [InlineData("occurredAt", "\"上周五\"", "occurredAt")]
    [InlineData("occurredAt", "\"2026-12-31T08:00:00+08:00\"", "occurredAt")]
    public async Task Filing_with_bad_input_is_400_naming_the_field_and_files_nothing(string path, string? replacement, string field)
    {
        var customer = await App.ClientForAsync("customer");
        var before = (await customer.AllRequestsAsync()).Count;
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(RequestFlow.NewRequestBody(), AfterSalesApp.Json))!.AsObject();
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(body, (node, name) => node[name]!.AsObject());
        if (replacement is null)
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(replacement);
        }

        var response = await customer.PostAsync(Requests, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);

        await response.NamesFieldAsync(field);
        Assert.Equal(before, (await customer.AllRequestsAsync()).Count);
    }

    [Theory]
    [InlineData("{ \"orderNumber\": \"PO-2026-0001\", ", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("{ \"orderNumber\": \"PO-2026-0001\", \"contact\": { \"phone\": 138 } }", "contact.phone")]
    public async Task Malformed_json_is_400_naming_where_it_breaks(string text, string field)
    {
        var customer = await App.ClientForAsync("customer");
        var before = (await customer.AllRequestsAsync()).Count;

        var response = await customer.PostAsync(Requests, new StringContent(text, Encoding.UTF8, "application/json"), Ct);

        await response.NamesFieldAsync(field);
        Assert.Equal(before, (await customer.AllRequestsAsync()).Count);
    }

    [Fact]
    public async Task A_rating_out_of_range_is_400_naming_the_rating_field()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.PendingAcceptance);
        var customer = await App.ClientForAsync("customer");

        await (await customer.PostJsonAsync($"{Requests}/{request.Id}/accept", new { rating = new { timeliness = 6, expertise = 5, attitude = 5 } }))
            .NamesFieldAsync("rating.timeliness");
        await (await customer.PostJsonAsync($"{Requests}/{request.Id}/accept", new { comment = "没有评分" })).NamesFieldAsync("rating");
        await customer.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Judging_in_warranty_without_a_plan_is_400_naming_the_plan()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");

        await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new { responsibility = "quality", outcome = "inWarranty", analysis = "主板故障" }))
            .NamesFieldAsync("plan");
        await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new { responsibility = "quality", outcome = "needsVerification" }))
            .NamesFieldAsync("analysis");
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task A_quote_line_with_quantity_zero_is_400_naming_that_line()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");

        var response = await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            exclusion = "tampering",
            quote = new { lines = new[] { new { kind = "parts", description = "外壳", quantity = 0, unitPrice = new { amount = "800.00", currency = "CNY" } } } },
        });

        await response.NamesFieldAsync("quote.lines[0].quantity");
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task A_page_size_of_zero_is_400_naming_page_size()
    {
        var customer = await App.ClientForAsync("customer");

        await (await customer.GetAsync($"{Requests}?page[size]=0", Ct)).NamesFieldAsync("page[size]");
        await (await customer.GetAsync($"{Requests}?page[size]=201", Ct)).NamesFieldAsync("page[size]");
    }

    [Theory]
    [InlineData("PO-2026-0008", "EQ-0801", "R-ORD-2")]
    [InlineData("PO-2026-9999", "EQ-0001", "R-ORD-1")]
    [InlineData("PO-2026-0003", "EQ-0201", "R-ORD-1")]
    [InlineData("PO-2026-0001", "EQ-0101", "R-AST-1")]
    [InlineData("PO-2026-0001", "EQ-0201", "R-AST-1")]
    [InlineData("PO-2025-0007", "EQ-0101", "R-WTY-1")]
    public async Task Filing_against_an_order_or_asset_the_rules_refuse_is_422_naming_the_rule(string orderNumber, string assetSerial, string ruleId)
    {
        var customer = await App.ClientForAsync("customer");
        var before = (await customer.AllRequestsAsync()).Count;

        var response = await customer.PostJsonAsync(Requests, RequestFlow.NewRequestBody(orderNumber, assetSerial));

        await response.NamesRuleAsync(ruleId);
        Assert.Equal(before, (await customer.AllRequestsAsync()).Count);
    }

    [Fact]
    public async Task A_paid_quote_on_a_covered_asset_without_an_exclusion_is_409_R_JDG_2_naming_the_exclusion()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");

        var response = await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new
        {
            responsibility = "quality",
            outcome = "paid",
            quote = new { lines = new[] { new { kind = "parts", description = "主板", quantity = 1, unitPrice = new { amount = "3000.00", currency = "CNY" } } } },
        });

        var problem = await response.NamesRuleAsync("R-JDG-2", HttpStatusCode.Conflict);
        Assert.Contains("exclusion", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task Archiving_without_the_voucher_set_is_422_R_ARC_1()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.Revisited);
        var agent = await App.ClientForAsync("supplier.agent");
        Assert.Equal([AttachmentKind.ServiceReport, AttachmentKind.SitePhoto], request.MissingVouchers);

        var problem = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/archive", null)).NamesRuleAsync("R-ARC-1");

        Assert.Contains("维修/保养报告", problem.GetProperty("detail").GetString());
        await agent.AssertUnchangedAsync(request);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_call_without_valid_credentials_is_401(string? authorization)
    {
        using var client = App.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var customer = await App.ClientForAsync("customer");
        var before = (await customer.AllRequestsAsync()).Count;

        await (await client.GetAsync(Requests, Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync(Requests, RequestFlow.NewRequestBody())).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, (await customer.AllRequestsAsync()).Count);
    }

    [Fact]
    public async Task A_file_over_the_policy_size_limit_is_413_and_nothing_is_stored()
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var filesBefore = StoredFiles();

        // Preset 000 allows 20 MB per file; the body is generated as it is sent, so the test holds no 20 MB buffer.
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new PaddedPdf(20L * 1024 * 1024 + 1));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "大文件.pdf");
        form.Add(new StringContent("certificate"), "kind");
        var response = await customer.PostAsync($"{Requests}/{request.Id}/attachments", form, Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString());
        await customer.AssertUnchangedAsync(request);
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Theory]
    [InlineData("elf", "photo")]
    [InlineData("pdf", "photo")]
    [InlineData("jpeg", "video")]
    [InlineData("elf", "other")]
    public async Task A_file_whose_content_the_kind_does_not_accept_is_415_and_nothing_is_stored(string content, string kind)
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");
        var filesBefore = StoredFiles();
        var bytes = content switch
        {
            "elf" => SampleFiles.Executable,
            "pdf" => SampleFiles.Pdf,
            _ => SampleFiles.Jpeg,
        };

        // The name and the declared type claim a photo; the bytes decide (R-IN-4).
        var response = await customer.UploadAsync(request.Id.ToString(), Enum.Parse<AttachmentKind>(kind, ignoreCase: true), bytes, "现场.jpg");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await customer.AssertUnchangedAsync(request);
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Theory]
    [InlineData(null, "kind")]
    [InlineData("passport", "kind")]
    [InlineData("3", "kind")]
    public async Task An_upload_without_a_valid_kind_is_400_naming_kind(string? kind, string field)
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Pdf), "file", "合格证.pdf");
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        await (await customer.PostAsync($"{Requests}/{request.Id}/attachments", form, Ct)).NamesFieldAsync(field);
        await customer.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task An_upload_without_a_file_is_400_naming_file()
    {
        var request = await _flow.CreateAsync();
        var customer = await App.ClientForAsync("customer");
        using var form = new MultipartFormDataContent { { new StringContent("photo"), "kind" } };

        await (await customer.PostAsync($"{Requests}/{request.Id}/attachments", form, Ct)).NamesFieldAsync("file");
        await customer.AssertUnchangedAsync(request);
    }

    /// <summary>A body each action accepts, so a refusal is about who asks, not what they send.</summary>
    internal static object? ValidBody(string action) => action switch
    {
        "supplyInfo" => new { note = "补充说明" },
        "resolveAtIntake" => new { answer = "请重启设备" },
        "receive" => new { note = "初步判断主板故障" },
        "judge" => new
        {
            responsibility = "quality",
            outcome = "inWarranty",
            plan = new { mode = "onSite", scheduledAt = "2026-11-24T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换主板" },
        },
        "declineQuote" => new { reason = "太贵" },
        "startService" => new { note = "已到达现场" },
        "completeService" => new { workDone = "更换主板", result = "恢复正常" },
        "accept" => new { rating = new { timeliness = 5, expertise = 5, attitude = 5 } },
        "reject" => new { failedItems = new[] { "仍报警" } },
        "revisit" => new { channel = "phone", satisfaction = 5 },
        "cancel" => new { reason = "不需要了" },
        "classifyLevel" => new { faultLevel = "major", serviceLevel = "A" },
        "dispute" => new { reason = "报价有异议", evidenceAttachmentIds = Array.Empty<Guid>() },
        "answerDispute" => new { statement = "外壳撞击痕迹明显" },
        "sendToAppraisal" => new { agency = "上海市商检部门", sample = "主板", fee = new { amount = "1000.00", currency = "CNY" } },
        "recordAppraisal" => new { result = "failsStandard", findings = "不符合标准", reportAttachmentIds = Array.Empty<Guid>() },
        "arbitrate" => new { responsibility = "quality", outcome = "warrantyService", decision = "免费维修", reasoning = "检测报告", costs = new { supplierPercent = 100 } },
        "objectRuling" => new { reason = "不服" },
        "reviewRuling" => new { decision = "uphold", note = "维持" },
        _ => null,
    };

    private int StoredFiles()
    {
        var directory = Path.Combine(App.Services.GetRequiredService<IConfiguration>()["Storage:DataDirectory"]!, "attachments");
        return Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Count() : 0;
    }

    /// <summary>A PDF header followed by padding up to <paramref name="length"/> bytes, produced while it is read.</summary>
    private sealed class PaddedPdf(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.4\n"u8.ToArray();
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < Header.Length ? Header[at] : (byte)' ';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
