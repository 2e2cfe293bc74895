using System.Net;
using AfterSales.Web.Features.Loaners;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Loaners;

/// <summary>Calls the loaner tests share (issue 6 §7, R-EXE-7).</summary>
internal static class LoanerCalls
{
    public static Task<Page<LoanerRow>> LoanersAsync(this HttpClient client, string query = "") => client.GetAsync<Page<LoanerRow>>($"/api/v1/loaners?{query}");

    public static Task<LoanerView> LoanerAsync(this HttpClient client, Guid id) => client.GetAsync<LoanerView>($"/api/v1/loaners/{id}");

    public static Task<RequestLoanersView> RequestLoanersAsync(this HttpClient client, Guid requestId) => client.GetAsync<RequestLoanersView>($"/api/v1/loaners/requests/{requestId}");

    public static async Task<LoanerRow> DemoLoanerAsync(this HttpClient client, string assetTag) =>
        (await client.LoanersAsync($"q={assetTag}")).Items.Single(u => u.AssetTag == assetTag);

    public static async Task<LoanerView> RegisterLoanerAsync(this HttpClient client, string assetTag, string model = "VMC-850", string grade = "中型立加") =>
        await (await client.PostJsonAsync("/api/v1/loaners", new
        {
            assetTag, serial = $"SN-{assetTag}", model, name = "立式数控加工中心（备用机）", grade, condition = "good", poolLocation = "苏州中心仓",
        })).ReadAsync<LoanerView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> IssueLoanerAsync(this HttpClient client, Guid unitId, Guid requestId, string? note = null) =>
        client.PostJsonAsync($"/api/v1/loaners/{unitId}/issue", new { requestId = requestId.ToString(), note });

    public static async Task<LoanerView> LoanerActAsync(this HttpClient client, Guid unitId, string action, object body) =>
        await (await client.PostJsonAsync($"/api/v1/loaners/{unitId}/{action}", body)).ReadAsync<LoanerView>();
}
