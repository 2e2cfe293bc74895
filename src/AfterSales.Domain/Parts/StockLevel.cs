using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>
/// Not enough available stock for a reservation, issue or transfer (R-EXE-4). A refusal the user can act on — pick
/// another warehouse or order replenishment — answered 409 because a concurrent reservation may have taken it.
/// </summary>
public sealed class InsufficientStock(string partNumber, string batchNumber, int requested, int available)
    : WorkflowRuleViolation("R-EXE-4", $"备件 {partNumber}（批次 {batchNumber}）可用库存 {available}，不足 {requested}，请选择其他仓库或补货。")
{
    public int Requested { get; } = requested;

    public int Available { get; } = available;
}

/// <summary>
/// 库存: the stock of one batch of one part in one warehouse. On hand counts what is physically there; reserved is
/// promised to service requests; a recalled batch is blocked (R-KPI-4) and nothing of it is available.
/// Available = on hand − reserved, or 0 when blocked. Never negative, never over-reserved: every change goes through
/// these verbs and the row's <see cref="Version"/> refuses a stale write.
/// </summary>
public sealed class StockLevel
{
    private StockLevel()
    {
        PartNumber = string.Empty;
        BatchNumber = string.Empty;
    }

    public StockLevel(Guid id, Guid supplierId, Guid warehouseId, Guid partId, string partNumber, string batchNumber)
    {
        Id = id;
        SupplierId = supplierId;
        WarehouseId = warehouseId;
        PartId = partId;
        PartNumber = partNumber;
        BatchNumber = batchNumber;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    /// <summary>批次: same brand and batch are preferred for a replacement (R-EXE-4).</summary>
    public string BatchNumber { get; private set; }

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    /// <summary>Recalled after a failed sampling (R-KPI-4): kept on hand, never available.</summary>
    public bool Blocked { get; private set; }

    /// <summary>Optimistic concurrency: every change increments it; a stale write is refused and retried.</summary>
    public int Version { get; private set; }

    public int Available => Blocked ? 0 : OnHand - Reserved;

    /// <summary>入库: parts arrive (replenishment, transfer in, a reusable old part).</summary>
    public void Receive(int quantity)
    {
        RequirePositive(quantity);
        OnHand += quantity;
        Version++;
    }

    /// <summary>预留: promise parts to a request; refused beyond what is available.</summary>
    public void Reserve(int quantity)
    {
        RequirePositive(quantity);
        EnsureAvailable(quantity);
        Reserved += quantity;
        Version++;
    }

    /// <summary>取消预留: a reservation given back.</summary>
    public void Release(int quantity)
    {
        RequirePositive(quantity);
        if (quantity > Reserved)
        {
            throw new InvalidOperationException($"Releasing {quantity} of {Reserved} reserved.");
        }

        Reserved -= quantity;
        Version++;
    }

    /// <summary>出库 of reserved parts: they leave the warehouse and stop being reserved.</summary>
    public void IssueReserved(int quantity)
    {
        RequirePositive(quantity);
        if (quantity > Reserved || quantity > OnHand)
        {
            throw new InvalidOperationException($"Issuing {quantity} with {Reserved} reserved and {OnHand} on hand.");
        }

        OnHand -= quantity;
        Reserved -= quantity;
        Version++;
    }

    /// <summary>调拨出库: unreserved parts leave for another warehouse.</summary>
    public void TakeOut(int quantity)
    {
        RequirePositive(quantity);
        EnsureAvailable(quantity);
        OnHand -= quantity;
        Version++;
    }

    /// <summary>召回冻结 (R-KPI-4).</summary>
    public void Block()
    {
        if (!Blocked)
        {
            Blocked = true;
            Version++;
        }
    }

    private void EnsureAvailable(int quantity)
    {
        if (quantity > Available)
        {
            throw new InsufficientStock(PartNumber, BatchNumber, quantity, Available);
        }
    }

    private static void RequirePositive(int quantity) =>
        InvalidInput.Require(quantity is > 0 and <= 100_000, "quantity", "数量须为 1 到 100000 之间的整数。");
}

public enum BatchStatus
{
    /// <summary>在用</summary>
    InUse,

    /// <summary>抽检合格</summary>
    Passed,

    /// <summary>抽检不合格</summary>
    Failed,

    /// <summary>已召回: its stock is blocked everywhere</summary>
    Recalled,
}

/// <summary>
/// 批次: one batch of a part as it was received. The quarterly sampling plan picks from the batches received in the
/// quarter (R-KPI-4); a failed batch can be recalled, which blocks its stock in every warehouse.
/// </summary>
public sealed class PartBatch
{
    private PartBatch()
    {
        PartNumber = string.Empty;
        BatchNumber = string.Empty;
    }

    public PartBatch(Guid id, Guid supplierId, Guid partId, string partNumber, string batchNumber, DateTimeOffset receivedAt)
    {
        Id = id;
        SupplierId = supplierId;
        PartId = partId;
        PartNumber = partNumber;
        BatchNumber = batchNumber;
        ReceivedAt = receivedAt;
        Status = BatchStatus.InUse;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public string BatchNumber { get; private set; }

    /// <summary>When the batch first arrived: decides the quarter it is sampled in.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    public int QuantityReceived { get; private set; }

    public BatchStatus Status { get; private set; }

    public DateTimeOffset? RecalledAt { get; private set; }

    public string? RecallReason { get; private set; }

    public int Version { get; private set; }

    public void AddReceived(int quantity)
    {
        QuantityReceived += quantity;
        Version++;
    }

    public void RecordSampling(bool passed)
    {
        if (Status == BatchStatus.Recalled)
        {
            return;
        }

        Status = passed ? BatchStatus.Passed : BatchStatus.Failed;
        Version++;
    }

    /// <summary>责令召回 (R-KPI-4): only a batch that failed sampling; its stock must then be blocked.</summary>
    public void Recall(string? reason, DateTimeOffset now)
    {
        if (Status != BatchStatus.Failed)
        {
            throw new TransitionRefused("recall", Status.ToString(), "只有抽检不合格的批次可以召回（R-KPI-4）。");
        }

        RecallReason = InvalidInput.Text(reason, "reason", "召回原因", 500);
        Status = BatchStatus.Recalled;
        RecalledAt = now;
        Version++;
    }
}
