using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Parts.Pages;
using AfterSales.Web.Resources;
using AfterSales.Web.Tests.WorkOrders;
using Microsoft.Extensions.Localization;
using Xunit;

namespace AfterSales.Web.Tests.Parts;

/// <summary>
/// The parts pages' words (R-X-2): in Chinese every warehouse kind, status, sampling result and freight payer reads exactly
/// as before the pages were localised, in English each has its own text, and no key is missing in English.
/// </summary>
public sealed class PartsTextTests
{
    private static readonly IStringLocalizer<PartsText> T = WorkOrderTextTests.Localizer<PartsText>();

    [Fact]
    public void Chinese_names_read_as_before_and_English_names_are_English()
    {
        WorkOrderTextTests.AssertNames(Enum.GetValues<WarehouseKind>(), v => PartsDisplay.Kind(T, v), PartsDisplay.Kind);
        WorkOrderTextTests.AssertNames(Enum.GetValues<ReservationStatus>(), v => PartsDisplay.Status(T, v), PartsDisplay.Status);
        WorkOrderTextTests.AssertNames(Enum.GetValues<ShipmentStatus>(), v => PartsDisplay.Status(T, v), PartsDisplay.Status);
        WorkOrderTextTests.AssertNames(Enum.GetValues<ReplenishmentStatus>(), v => PartsDisplay.Status(T, v), PartsDisplay.Status);
        WorkOrderTextTests.AssertNames(Enum.GetValues<SamplingResult>(), v => PartsDisplay.Result(T, v), PartsDisplay.Result);
        WorkOrderTextTests.AssertNames(Enum.GetValues<BatchStatus>(), v => PartsDisplay.Status(T, v), PartsDisplay.Status);
        WorkOrderTextTests.AssertNames(Enum.GetValues<OldPartReturnStatus>(), v => PartsDisplay.Status(T, v), PartsDisplay.Status);
        WorkOrderTextTests.AssertNames(Enum.GetValues<FreightPayer>(), v => PartsDisplay.Payer(T, v), PartsDisplay.Payer);
    }

    [Fact]
    public void English_has_every_key_Chinese_has()
    {
        WorkOrderTextTests.AssertSameKeys(typeof(PartsText));
    }
}
