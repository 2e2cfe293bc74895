using System.Text.Json;
using AfterSales.Data;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Documents;

/// <summary>The standard printable documents of a service request (R-ARC-3).</summary>
public enum RequestDocumentKind
{
    /// <summary>售后服务申请表</summary>
    Application,

    /// <summary>售后服务方案</summary>
    Plan,

    /// <summary>付费服务报价单</summary>
    Quote,

    /// <summary>维修单</summary>
    RepairSheet,

    /// <summary>验收单</summary>
    Acceptance,

    /// <summary>质保判定</summary>
    WarrantyDecision,

    /// <summary>售后责任判定意见书 (R-DSP-2): the platform's ruling on a dispute.</summary>
    Determination,
}

/// <summary>The device a document is about, as printed on it.</summary>
public sealed record DocumentAsset(string Serial, string ProductName, string Model, string? Batch, string? SiteCity, string? SiteAddress);

/// <summary>Everything one printed document shows: the request as its reader may see it, the device, when it was printed.</summary>
public sealed record RequestDocument(RequestDocumentKind Kind, ServiceRequestView Request, DocumentAsset? Asset, DateTimeOffset PrintedAt);

/// <summary>A document the caller can print now.</summary>
public sealed record RequestDocumentLink(RequestDocumentKind Kind, string Url);

/// <summary>
/// Which documents a request has and what goes on them. A document exists once the record it prints does: the plan
/// after a judgement with a plan, the quote after a paid judgement, the repair sheet and the acceptance form (to sign)
/// once the work is recorded. Isolation is the request query's: another organisation's request is 404 (R-ROLE-3).
/// </summary>
public sealed class RequestDocuments(AppDbContext db, ServiceRequestQueries requests, TimeProvider clock)
{
    public static IReadOnlyList<RequestDocumentKind> All { get; } = Enum.GetValues<RequestDocumentKind>();

    public static bool IsAvailable(ServiceRequestView view, RequestDocumentKind kind) => kind switch
    {
        RequestDocumentKind.Application => true,
        RequestDocumentKind.Plan => view.Judgement?.Plan is not null,
        RequestDocumentKind.Quote => view.Quote is not null,
        RequestDocumentKind.RepairSheet or RequestDocumentKind.Acceptance => view.ServiceRecord is not null,
        RequestDocumentKind.WarrantyDecision => view.Warranty is not null,
        RequestDocumentKind.Determination => view.Dispute?.Ruling is not null,
        _ => false,
    };

    public static string Name(RequestDocumentKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static string Url(Guid requestId, RequestDocumentKind kind) => $"/api/v1/service-requests/{requestId}/documents/{Name(kind)}";

    public static IReadOnlyList<RequestDocumentLink> Links(ServiceRequestView view) =>
        [.. All.Where(kind => IsAvailable(view, kind)).Select(kind => new RequestDocumentLink(kind, Url(view.Id, kind)))];

    public static RequestDocumentKind Parse(string? kind)
    {
        Domain.Common.InvalidInput.Require(
            Enum.TryParse<RequestDocumentKind>(kind, ignoreCase: true, out var parsed) && !int.TryParse(kind, out _),
            "kind",
            $"单据类型无效，可选：{string.Join("、", All.Select(Name))}。");
        return parsed;
    }

    public async Task<IReadOnlyList<RequestDocumentLink>> ListAsync(string requestId, CancellationToken cancellationToken) =>
        Links(await requests.GetAsync(requestId, cancellationToken));

    public async Task<RequestDocument> GetAsync(string requestId, string? kindName, CancellationToken cancellationToken)
    {
        var kind = Parse(kindName);
        var view = await requests.GetAsync(requestId, cancellationToken);
        if (!IsAvailable(view, kind))
        {
            throw new NotFound(kind switch
            {
                RequestDocumentKind.Plan => "该售后单的服务方案",
                RequestDocumentKind.Quote => "该售后单的报价单",
                RequestDocumentKind.RepairSheet => "该售后单的维修单",
                RequestDocumentKind.Acceptance => "该售后单的验收单",
                _ => "该售后单的质保判定",
            });
        }

        return new RequestDocument(kind, view, await AssetAsync(view, cancellationToken), clock.GetUtcNow());
    }

    // The request already proved the caller may see it; the asset row is read for its description only.
    private async Task<DocumentAsset?> AssetAsync(ServiceRequestView view, CancellationToken cancellationToken) =>
        view.AssetSerial is not { } serial ? null
            : await db.Assets.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Serial == serial && a.SupplierId == view.Supplier.Id && a.CustomerId == view.Customer.Id)
                .Join(db.Products.IgnoreQueryFilters(), a => a.ProductId, p => p.Id,
                    (a, p) => new DocumentAsset(a.Serial, p.Name, p.Model, a.Batch, a.Site.City, a.Site.Address))
                .FirstOrDefaultAsync(cancellationToken);
}
