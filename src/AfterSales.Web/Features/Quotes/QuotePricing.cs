using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quotes;

/// <summary>
/// 按价目报价 (R-QUO-1, R-QUO-2): turns the quote a judge sends into the domain's quote. A line naming a
/// <c>priceListItemId</c> takes the item's kind, unit and code and a price inside its band (the list price when none is
/// given); a free line keeps what was typed. Any refused line is a 400 naming the line.
/// </summary>
public sealed class QuotePricing(AppDbContext db)
{
    /// <summary>Loads every price-list item the quote names, in one query (ARCHITECTURE §6: no N+1 on the write path).</summary>
    public async Task<IReadOnlyDictionary<Guid, PriceListItem>> LoadAsync(JudgeResponsibility.QuoteInput? input, CancellationToken cancellationToken)
    {
        var ids = (input?.Lines ?? []).Where(l => l.PriceListItemId is not null).Select(l => l.PriceListItemId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, PriceListItem>();
        }

        return await db.PriceListItems.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    public static Quote Build(JudgeResponsibility.QuoteInput input, IReadOnlyDictionary<Guid, PriceListItem> items, Guid supplierId, DateTimeOffset now)
    {
        var today = ServiceZone.DateOf(now);
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? Domain.Money.Money.Cny : input.Currency.Trim().ToUpperInvariant();
        var lines = (input.Lines ?? []).Select((line, i) =>
        {
            if (line.PriceListItemId is { } itemId)
            {
                InvalidInput.Require(items.TryGetValue(itemId, out var item), $"quote.lines[{i}].priceListItemId", $"第 {i + 1} 行的价格项目不存在或无权查看。");
                return item!.ToQuoteLine(i, supplierId, line.Quantity, line.UnitPrice, line.Description, today);
            }

            return new QuoteLine(
                line.Kind ?? throw new InvalidInput($"quote.lines[{i}].kind", "请选择费用类别。"),
                line.Description?.Trim() ?? string.Empty,
                line.Quantity,
                line.UnitPrice ?? throw new InvalidInput($"quote.lines[{i}].unitPrice", "请填写单价。"));
        }).ToList();
        InvalidInput.Require(input.ValidUntil is null || input.ValidUntil >= today, "quote.validUntil", "报价有效期不能早于今天。");

        // R-QUO-4: the lead time disclosed is at least the longest lead time of the parts quoted from the price list.
        var listed = lines.Where(l => l.PriceListItemId is not null).Select(l => items[l.PriceListItemId!.Value].LeadTimeDays).Where(d => d is not null).Max();
        var leadTime = input.PartsLeadTimeDays is { } given && (listed is null || given >= listed) ? given : listed ?? input.PartsLeadTimeDays;
        return new Quote(lines, currency, leadTime, input.PaymentTerms?.Trim()) { ValidUntil = input.ValidUntil };
    }
}
