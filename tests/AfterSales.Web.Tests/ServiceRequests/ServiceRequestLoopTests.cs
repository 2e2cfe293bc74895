using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>The whole loop 申请→处理→验收→归档 over HTTP, as customer, supplier and platform.</summary>
public sealed class ServiceRequestLoopTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_warranty_request_travels_from_filing_to_closed()
    {
        var customer = await App.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody())).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

        Assert.Matches(@"^SR-2026-\d{6}$", created.Number);
        Assert.Equal(ServiceRequestStatus.NeedsInfo, created.Status);
        Assert.Equal([AttachmentKind.Certificate], created.Validation.Missing);
        Assert.Equal(Domain.Warranty.WarrantyStatus.InWarranty, created.Warranty!.Status);
        Assert.Equal(DeadlineState.Met, created.Deadlines.Single(d => d.Kind == DeadlineKind.IntakeCheck).State);

        var flow = new RequestFlow(App);
        var revisited = await flow.ToAsync(ServiceRequestStatus.Revisited);
        var agent = await App.ClientForAsync("supplier.agent");
        (await agent.UploadAsync(revisited.Id.ToString(), AttachmentKind.ServiceReport, SampleFiles.Pdf, "维修报告.pdf")).EnsureSuccessStatusCode();
        (await agent.UploadAsync(revisited.Id.ToString(), AttachmentKind.SitePhoto, SampleFiles.Jpeg, "现场.jpg")).EnsureSuccessStatusCode();

        var closed = await agent.ActAsync(revisited.Id, "archive");

        Assert.Equal(ServiceRequestStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.All(closed.Deadlines, d => Assert.Equal(DeadlineState.Met, d.State));
        Assert.Equal(
            ["submit", "validate", "supplyInfo", "receive", "judge", "startService", "completeService", "accept", "revisit", "archive"],
            closed.Timeline.Where(t => t.To is not null).Select(t => t.Action));
        Assert.Empty(closed.AllowedActions);
    }
}
