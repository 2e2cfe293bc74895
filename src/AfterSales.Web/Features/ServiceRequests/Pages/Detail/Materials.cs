using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Pages.Detail;

/// <summary>What a request in needsInfo still lacks now: the materials named at validation minus what has been uploaded since (R-IN-5).</summary>
public static class Materials
{
    public static IReadOnlyList<AttachmentKind> StillMissing(ServiceRequestView view) =>
        [.. view.Validation.Missing.Where(kind => view.Attachments.All(a => a.Kind != kind))];
}
