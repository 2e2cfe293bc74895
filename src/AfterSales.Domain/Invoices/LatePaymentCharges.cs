using AfterSales.Domain.Common;

namespace AfterSales.Domain.Invoices;

/// <summary>One day's late-payment charge: the day, what was outstanding at its start, the rate and the amount.</summary>
public sealed record LatePaymentCharge(DateOnly ChargeDate, Money.Money Basis, decimal PercentPerDay, Money.Money Amount)
{
    public string Explanation => $"逾期付款违约金：{ChargeDate:yyyy-MM-dd} 未付金额 {Basis.AmountText} × {PercentPerDay}%";
}

/// <summary>
/// 逾期付款违约金 (R-FEE-1, preset 000: "客户逾期按日支付 0.05% 违约金"). Every day after the due date on which the
/// invoice still had money outstanding at the start of the day is charged the policy's percentage of that
/// amount, 四舍五入 to the fen per day (each day is its own ledger line). The days are dates in the service zone,
/// so the result depends only on the invoice and today: a worker that runs late catches up with the same lines,
/// and the ledger's unique index (invoice, charge date) keeps each day to one line.
/// </summary>
public static class LatePaymentCharges
{
    /// <summary>Every charge due up to and including <paramref name="today"/> whose date is not in <paramref name="alreadyCharged"/>.</summary>
    public static IReadOnlyList<LatePaymentCharge> Due(Invoice invoice, DateOnly today, IReadOnlySet<DateOnly> alreadyCharged)
    {
        if (invoice.LatePaymentPercentPerDay is not { } percent || percent <= 0)
        {
            return [];
        }

        // A void invoice stops accruing from the day it was voided; earlier charges stay (a waiver reverses them).
        var last = invoice.VoidedAt is { } voided ? Min(today, ServiceZone.DateOf(voided).AddDays(-1)) : today;
        var charges = new List<LatePaymentCharge>();
        for (var day = invoice.DueDate.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (alreadyCharged.Contains(day))
            {
                continue;
            }

            var basis = invoice.OutstandingAtStartOf(day);
            if (basis.Amount <= 0)
            {
                break;
            }

            charges.Add(new LatePaymentCharge(day, basis, percent, basis.Times(percent / 100m)));
        }

        return charges;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
