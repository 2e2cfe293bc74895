using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using AfterSales.Web.Security;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.Catalogue.Pages;

/// <summary>How the order, asset and catalogue pages show statuses, categories and the other party of an order.</summary>
public static class CatalogueDisplay
{
    /// <summary>The words a user reads for a failed operation; faults (not refusals) are logged for the operators too.</summary>
    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Catalogue page operation failed");
        }

        return ScopedOperations.Describe(exception);
    }

    public static Color StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Placed => Color.Info,
        OrderStatus.Delivered => Color.Warning,
        OrderStatus.Accepted => Color.Success,
        _ => Color.Default,
    };

    public static Color WarrantyColor(WarrantyStatus status) => status switch
    {
        WarrantyStatus.InWarranty => Color.Success,
        WarrantyStatus.Expired => Color.Error,
        WarrantyStatus.NotRegistered => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Standard categories by name; a supplier's own code as it is.</summary>
    public static string Category(IStringLocalizer<CatalogueText> t, string category) =>
        ProductCategories.Standard.Contains(category) ? t[$"Category.{category}"] : category;

    /// <summary>Who the order is with, seen from the caller: the supplier for a customer, the customer for the others.</summary>
    public static string Counterparty(Caller? caller, OrderView order) => caller?.Party switch
    {
        PartyKind.Customer => order.Supplier.Name,
        PartyKind.Platform => $"{order.Customer.Name} ← {order.Supplier.Name}",
        _ => order.Dealer is { } dealer ? $"{order.Customer.Name}（{dealer.Name}）" : order.Customer.Name,
    };

    public static string CounterpartyHeader(IStringLocalizer<CatalogueText> t, Caller? caller) => caller?.Party switch
    {
        PartyKind.Customer => t["Order.Supplier"],
        PartyKind.Platform => t["Order.CustomerAndSupplier"],
        _ => t["Order.Customer"],
    };
}
