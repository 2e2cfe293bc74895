using AfterSales.Domain.Penalties;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.Penalties.Pages;

/// <summary>How the ledger pages name and colour accounts and line kinds (R-X-2: labels from PenaltyText).</summary>
public static class PenaltyDisplay
{
    public static string Account(IStringLocalizer<PenaltyText> t, PenaltyAccount account) => t[$"Account.{account}"];

    public static string EntryKind(IStringLocalizer<PenaltyText> t, LedgerEntryKind kind) => t[$"EntryKind.{kind}"];

    public static Color AccountColor(LedgerRow line) => line.Kind == LedgerEntryKind.DepositTopUp
        ? Color.Success
        : line.Account switch
        {
            PenaltyAccount.SupplierDeposit => Color.Error,
            PenaltyAccount.CustomerCompensation => Color.Warning,
            _ => Color.Default,
        };

    /// <summary>One figure summed over the suppliers' CNY balances (the ledger is kept in CNY).</summary>
    public static Domain.Money.Money Total(IEnumerable<SupplierBalance> balances, Func<SupplierBalance, Domain.Money.Money> figure) =>
        Domain.Money.Money.Sum(balances.Where(b => b.DepositPaid.Currency == Domain.Money.Money.Cny).Select(figure));

    /// <summary>The message for a failed operation: a refusal's own words; a fault is logged and described generically.</summary>
    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Ledger operation failed");
        }

        return ScopedOperations.Describe(exception);
    }
}
