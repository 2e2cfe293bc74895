using System.Net;
using System.Text.Json;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>What the refusal tests check on every problem-details answer, and the reads they use to prove nothing changed.</summary>
internal static class Refusals
{
    /// <summary>A 400 (or <paramref name="status"/>) problem whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonElement> NamesFieldAsync(this HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await response.ProblemAsync(status);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object, $"No errors object in {problem}");
        Assert.Contains(field, errors.EnumerateObject().Select(e => e.Name));
        return problem;
    }

    /// <summary>A 422 (or <paramref name="status"/>) problem naming <paramref name="ruleId"/>.</summary>
    public static async Task<JsonElement> NamesRuleAsync(this HttpResponseMessage response, string ruleId, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var problem = await response.ProblemAsync(status);
        Assert.True(problem.TryGetProperty("ruleId", out var rule), $"No ruleId in {problem}");
        Assert.Equal(ruleId, rule.GetString());
        return problem;
    }

    public static Task<ServiceRequestView> ViewAsync(this HttpClient client, Guid id) =>
        client.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{id}");

    /// <summary>Every request the caller can list, following <c>next</c> to the end.</summary>
    public static async Task<IReadOnlyList<ServiceRequestSummary>> AllRequestsAsync(this HttpClient client, string query = "")
    {
        var all = new List<ServiceRequestSummary>();
        string? next = null;
        do
        {
            var url = $"/api/v1/service-requests?page[size]=200{query}" + (next is null ? string.Empty : $"&page[after]={Uri.EscapeDataString(next)}");
            var page = await client.GetAsync<Page<ServiceRequestSummary>>(url);
            all.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return all;
    }

    /// <summary>Asserts the request is exactly as it was: same version, status and timeline length.</summary>
    public static async Task AssertUnchangedAsync(this HttpClient client, ServiceRequestView before)
    {
        var after = await client.ViewAsync(before.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
        Assert.Equal(before.Attachments.Count, after.Attachments.Count);
    }
}
