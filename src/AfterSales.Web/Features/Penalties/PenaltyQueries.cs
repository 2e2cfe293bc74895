using System.Globalization;
using System.Xml;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Penalties;

/// <summary>
/// Read side of the money ledger (R-PEN-1..3). Which lines a caller sees is the ledger's query filter: the one who
/// pays a line and the one it is owed to, the platform all — so a customer sees the compensation owed to it and
/// never a supplier's deposit.
/// </summary>
public sealed class PenaltyQueries(AppDbContext db)
{
    /// <summary>Penalty lines only, newest first.</summary>
    public Task<Page<LedgerRow>> PenaltiesAsync(LedgerFilter filter, int? pageSize, string? after, CancellationToken cancellationToken) =>
        LinesAsync(filter with { EntryKind = LedgerEntryKind.Penalty }, pageSize, after, cancellationToken);

    /// <summary>Every line (penalties and deposit payments), newest first, with the balances of each visible supplier.</summary>
    public async Task<LedgerPage> LedgerAsync(LedgerFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var page = await LinesAsync(filter, pageSize, after, cancellationToken);
        var balances = await BalancesAsync(filter.SupplierId, cancellationToken);
        return new LedgerPage(page.Items, page.Next, balances);
    }

    /// <summary>Ledger lines alone, newest first (a page to append; the balances are read once per filter).</summary>
    public async Task<Page<LedgerRow>> LinesAsync(LedgerFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = Filtered(db.LedgerEntries.AsNoTracking(), filter);
        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(l => l.CreatedAt < key || (l.CreatedAt == key && l.Id < c.Id));
        }

        var entries = await query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await RowsAsync([.. entries.Take(size)], cancellationToken);
        return new Page<LedgerRow>(items, entries.Count > size ? Cursor.Encode(items[^1].CreatedAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<LedgerRow> LineAsync(Guid id, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFound("台账记录");
        return (await RowsAsync([entry], cancellationToken))[0];
    }

    /// <summary>
    /// Per supplier: deposit paid, deducted from it, the balance (never below zero) and the receivable beyond it,
    /// compensation owed to customers and internal fines — waived penalties count in none of them (R-PEN-3).
    /// </summary>
    public async Task<IReadOnlyList<SupplierBalance>> BalancesAsync(Guid? supplierId, CancellationToken cancellationToken)
    {
        // Issue 4 invoices: customers' late-payment charges are not supplier money and stay out of these balances.
        var query = db.LedgerEntries.AsNoTracking().Where(l => l.Kind == LedgerEntryKind.Penalty || l.Kind == LedgerEntryKind.DepositTopUp);
        if (supplierId is { } s)
        {
            query = query.Where(l => l.OrganizationId == s);
        }

        // Summed in SQL over the fen column (one row per group), however long the ledger grows.
        var groups = await query
            .GroupBy(l => new { l.OrganizationId, l.Kind, l.Account, Waived = l.WaivedAt != null, l.Amount.Currency })
            .Select(g => new { g.Key.OrganizationId, g.Key.Kind, g.Key.Account, g.Key.Waived, g.Key.Currency, Total = g.Sum(l => l.Amount.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(groups.Select(g => g.OrganizationId), cancellationToken);
        return [.. groups
            .GroupBy(g => (g.OrganizationId, g.Currency))
            .Select(supplier =>
            {
                var currency = supplier.Key.Currency;
                Domain.Money.Money Sum(LedgerEntryKind kind, PenaltyAccount? account, bool waived) => new(
                    supplier.Where(g => g.Kind == kind && (account is null || g.Account == account) && g.Waived == waived).Sum(g => g.Total), currency);
                var paid = Sum(LedgerEntryKind.DepositTopUp, null, false);
                var deducted = Sum(LedgerEntryKind.Penalty, PenaltyAccount.SupplierDeposit, false);
                var left = paid - deducted;
                var zero = Domain.Money.Money.Zero(currency);
                return new SupplierBalance(
                    supplier.Key.OrganizationId,
                    names.GetValueOrDefault(supplier.Key.OrganizationId, string.Empty),
                    paid,
                    deducted,
                    left.Amount >= 0 ? left : zero,
                    left.Amount < 0 ? zero - left : zero,
                    Sum(LedgerEntryKind.Penalty, PenaltyAccount.CustomerCompensation, false),
                    Sum(LedgerEntryKind.Penalty, PenaltyAccount.InternalFine, false),
                    Sum(LedgerEntryKind.Penalty, null, true),
                    supplier.Where(g => g.Kind == LedgerEntryKind.Penalty).Sum(g => g.Count));
            })
            .OrderBy(b => b.SupplierName, StringComparer.Ordinal)
            .ThenBy(b => b.Deducted.Currency, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What a policy's rules charge for a deadline of <paramref name="kind"/> met <paramref name="late"/> late on an order
    /// of <paramref name="orderAmount"/> (issue 3 §8). The parameters arrive as query text and are refused naming
    /// the parameter: the amount a decimal, the lateness an ISO-8601 duration (P7D, PT25H).
    /// </summary>
    public async Task<PenaltyPreview> PreviewAsync(Guid policyId, DeadlineKind? kind, string? orderAmount, string? late, CancellationToken cancellationToken)
    {
        InvalidInput.Require(kind is not null, "kind", "请指定时效类型（kind），例如 receive。");
        var amount = ParseAmount(orderAmount);
        var lateBy = ParseDuration(late);
        var policy = await db.ServicePolicies.AsNoTracking().Where(p => p.Id == policyId).Select(p => new { p.Id, p.Name, p.Figures })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后政策");

        var order = Domain.Money.Money.Yuan(amount);
        var items = policy.Figures.Penalties.Where(r => r.Kinds.Contains(kind!.Value)).Select(rule =>
            PenaltyCalculator.Assess(rule, lateBy, order) is { } assessment
                ? new PenaltyPreviewItem(rule.Code, rule.RuleId, rule.NameZh, rule.Basis, rule.Account, assessment.Amount, assessment.Explanation)
                : new PenaltyPreviewItem(rule.Code, rule.RuleId, rule.NameZh, rule.Basis, rule.Account, Domain.Money.Money.Zero(order.Currency),
                    $"{rule.NameZh}：未超过宽限时间 {XmlConvert.ToString(rule.Grace)}，不计"))
            .ToList();
        return new PenaltyPreview(policy.Id, policy.Name, kind!.Value, DeadlineKindNames.Chinese(kind.Value), XmlConvert.ToString(lateBy), order,
            items, Domain.Money.Money.Sum(items.Select(i => i.Amount), order.Currency));
    }

    private static IQueryable<LedgerEntry> Filtered(IQueryable<LedgerEntry> query, LedgerFilter filter)
    {
        if (filter.EntryKind is { } entryKind)
        {
            query = query.Where(l => l.Kind == entryKind);
        }

        if (filter.SupplierId is { } supplierId)
        {
            query = query.Where(l => l.OrganizationId == supplierId);
        }

        if (filter.RequestId is { } requestId)
        {
            query = query.Where(l => l.ServiceRequestId == requestId);
        }

        if (!string.IsNullOrWhiteSpace(filter.RequestNumber))
        {
            var number = filter.RequestNumber.Trim();
            query = query.Where(l => l.ServiceRequestNumber == number);
        }

        if (filter.DeadlineKind is { } kind)
        {
            query = query.Where(l => l.DeadlineKind == kind);
        }

        if (filter.Account is { } account)
        {
            query = query.Where(l => l.Account == account);
        }

        if (filter.Waived is { } waived)
        {
            query = waived ? query.Where(l => l.WaivedAt != null) : query.Where(l => l.WaivedAt == null);
        }

        if (filter.CreatedFrom is { } from)
        {
            query = query.Where(l => l.CreatedAt >= from);
        }

        if (filter.CreatedTo is { } to)
        {
            query = query.Where(l => l.CreatedAt < to);
        }

        return query;
    }

    private async Task<List<LedgerRow>> RowsAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(entries.Select(e => e.OrganizationId).Concat(entries.Where(e => e.CounterpartyOrganizationId is not null).Select(e => e.CounterpartyOrganizationId!.Value)), cancellationToken);
        return [.. entries.Select(e => new LedgerRow(
            e.Id,
            e.Kind,
            e.OrganizationId,
            names.GetValueOrDefault(e.OrganizationId, string.Empty),
            e.CounterpartyOrganizationId,
            e.CounterpartyOrganizationId is { } counterparty ? names.GetValueOrDefault(counterparty) : null,
            e.Account,
            e.Amount,
            e.ServiceRequestId,
            e.ServiceRequestNumber,
            e.BreachId,
            e.DeadlineKind,
            e.DeadlineKind is { } kind ? DeadlineKindNames.Chinese(kind) : null,
            e.RuleCode,
            e.RuleId,
            e.Explanation,
            e.CreatedAt,
            e.CreatedBy,
            e.IsWaived,
            e.WaivedAt,
            e.WaivedBy,
            e.WaiverReason))];
    }

    // Names of the parties on visible lines: a customer may read the name of the supplier that owes it compensation.
    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private static decimal ParseAmount(string? text)
    {
        InvalidInput.Require(!string.IsNullOrWhiteSpace(text), "orderAmount", "请指定订单金额（orderAmount），例如 386000.00。");
        InvalidInput.Require(decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount), "orderAmount", "订单金额须为非负的十进制数，例如 386000.00。");
        InvalidInput.Require(decimal.Round(amount, 2) == amount, "orderAmount", "订单金额最多两位小数（分）。");
        return amount;
    }

    private static TimeSpan ParseDuration(string? text)
    {
        InvalidInput.Require(!string.IsNullOrWhiteSpace(text), "late", "请指定逾期时长（late），ISO-8601 格式，例如 P7D 或 PT25H。");
        TimeSpan late;
        try
        {
            late = XmlConvert.ToTimeSpan(text!.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new InvalidInput("late", "逾期时长须为 ISO-8601 时长，例如 P7D 或 PT25H。");
        }

        InvalidInput.Require(late >= TimeSpan.Zero, "late", "逾期时长不能为负数。");
        return late;
    }
}
