using AfterSales.Domain.Parts;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Parts.Pages;

/// <summary>
/// The words the parts pages show (the business's terms: 备件, 仓库, 库存, 预留, 出库, 补货, 调拨, 签收验货, 抽检). The pages use the
/// overloads that take PartsText (R-X-2); the Chinese-only ones stay for callers outside these pages.
/// </summary>
public static class PartsDisplay
{
    public static string Kind(IStringLocalizer<PartsText> t, WarehouseKind kind) => t[$"Warehouse.{kind}"];

    public static string Status(IStringLocalizer<PartsText> t, ReservationStatus status) => t[$"Reservation.{status}"];

    public static string Status(IStringLocalizer<PartsText> t, ShipmentStatus status) => t[$"Shipment.{status}"];

    public static string Status(IStringLocalizer<PartsText> t, ReplenishmentStatus status) => t[$"Replenishment.{status}"];

    public static string Result(IStringLocalizer<PartsText> t, SamplingResult result) => t[$"Result.{result}"];

    public static string Status(IStringLocalizer<PartsText> t, BatchStatus status) => t[$"Batch.{status}"];

    public static string Status(IStringLocalizer<PartsText> t, OldPartReturnStatus status) => t[$"OldPart.{status}"];

    public static string Payer(IStringLocalizer<PartsText> t, FreightPayer payer) => t[$"Payer.{payer}"];

    public static string Kind(WarehouseKind kind) => kind switch
    {
        WarehouseKind.Central => "中心仓",
        WarehouseKind.Regional => "区域仓",
        WarehouseKind.Van => "随车库存",
        WarehouseKind.Storeroom => "旧件库房",
        _ => kind.ToString(),
    };

    public static string Status(ReservationStatus status) => status switch
    {
        ReservationStatus.Reserved => "已预留",
        ReservationStatus.Issued => "已出库",
        ReservationStatus.Consumed => "已消耗",
        ReservationStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    public static string Status(ShipmentStatus status) => status switch
    {
        ShipmentStatus.Shipped => "运输中",
        ShipmentStatus.Received => "已签收",
        ShipmentStatus.ReceivedWithIssues => "签收有异议",
        _ => status.ToString(),
    };

    public static string Status(ReplenishmentStatus status) => status switch
    {
        ReplenishmentStatus.Ordered => "已下单",
        ReplenishmentStatus.Received => "已入库",
        ReplenishmentStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    public static string Result(SamplingResult result) => result switch
    {
        SamplingResult.Pending => "待检",
        SamplingResult.Passed => "合格",
        SamplingResult.Failed => "不合格",
        _ => result.ToString(),
    };

    public static string Status(BatchStatus status) => status switch
    {
        BatchStatus.InUse => "在用",
        BatchStatus.Passed => "抽检合格",
        BatchStatus.Failed => "抽检不合格",
        BatchStatus.Recalled => "已召回",
        _ => status.ToString(),
    };

    public static string Status(OldPartReturnStatus status) => status switch
    {
        OldPartReturnStatus.Owed => "待返还",
        OldPartReturnStatus.Received => "已收回待鉴定",
        OldPartReturnStatus.Reusable => "可利用（已入库）",
        OldPartReturnStatus.Scrapped => "报废",
        _ => status.ToString(),
    };

    public static string Payer(FreightPayer payer) => payer == FreightPayer.Supplier ? "供应商承担运费" : "客户承担运费";

    /// <summary>The words a refusal carries to the user; faults are logged and answered in general terms.</summary>
    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Parts operation failed");
        }

        return ScopedOperations.Describe(exception);
    }
}
