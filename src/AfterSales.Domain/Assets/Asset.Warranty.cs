using AfterSales.Domain.Common;

namespace AfterSales.Domain.Assets;

/// <summary>The asset's warranty paperwork: the dealer's 三包回执卡 (R-WTY-3) and the card issued to the customer (R-WTY-7).</summary>
public sealed partial class Asset
{
    /// <summary>质保卡 issued to the customer (R-WTY-7), recorded with its issue date.</summary>
    public DateOnly? CustomerCardIssuedOn { get; private set; }

    /// <summary>
    /// 登记三包回执卡 (R-WTY-3): the dealer that sold the asset returns the card with the customer's details. A card
    /// registered after the policy's days is still recorded — the decision then reads <c>notRegistered</c> and says why.
    /// </summary>
    public void RegisterDealerCard(Guid dealerId, DateOnly? registeredOn, DateOnly today)
    {
        if (DealerId is null || SoldOn is null)
        {
            throw new WorkflowRuleViolation("R-WTY-3", $"设备 {Serial} 不是经销商销售，无需登记三包回执卡。");
        }

        if (DealerId != dealerId)
        {
            throw new ActionNotPermitted("registerWarrantyCard", "只有销售该设备的经销商可以登记三包回执卡。");
        }

        if (WarrantyCardRegisteredOn is { } earlier)
        {
            throw new WorkflowRuleViolation("R-WTY-3", $"设备 {Serial} 的三包回执卡已于 {earlier:yyyy-MM-dd} 登记。");
        }

        var date = registeredOn ?? today;
        InvalidInput.Require(date <= today, "registeredOn", "登记日期不能晚于今天。");
        InvalidInput.Require(date >= SoldOn, "registeredOn", $"登记日期不能早于销售日期 {SoldOn:yyyy-MM-dd}。");
        WarrantyCardRegisteredOn = date;
    }

    /// <summary>交付质保卡 (R-WTY-7): the supplier records the day the customer received the warranty card.</summary>
    public void IssueCustomerCard(DateOnly? issuedOn, DateOnly today)
    {
        if (CustomerCardIssuedOn is { } earlier)
        {
            throw new WorkflowRuleViolation("R-WTY-7", $"设备 {Serial} 的质保卡已于 {earlier:yyyy-MM-dd} 交付。");
        }

        var date = issuedOn ?? today;
        InvalidInput.Require(date <= today, "issuedOn", "交付日期不能晚于今天。");
        var handedOver = SoldOn ?? AcceptedOn;
        InvalidInput.Require(handedOver is null || date >= handedOver, "issuedOn", $"交付日期不能早于设备交付（销售或验收）日期 {handedOver:yyyy-MM-dd}。");
        CustomerCardIssuedOn = date;
    }
}
