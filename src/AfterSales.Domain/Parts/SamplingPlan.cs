using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum SamplingResult
{
    /// <summary>待检</summary>
    Pending,

    /// <summary>合格</summary>
    Passed,

    /// <summary>不合格</summary>
    Failed,
}

/// <summary>A batch received in the quarter, as the plan draws from it.</summary>
public sealed record SampleCandidate(Guid BatchId, Guid PartId, string PartNumber, string BatchNumber, DateTimeOffset ReceivedAt);

/// <summary>
/// 季度抽检计划 (R-KPI-4, seed 000: 平台对供应商提供的售后备件进行抽样检测（每季度抽检 10%），发现劣质备件的，责令供应商召回并罚款):
/// at least 10 % of the batches a supplier received in the quarter — rounded up, so one batch is always sampled —
/// each recorded as passed or failed; a failed batch can then be recalled.
/// </summary>
public sealed class SamplingPlan
{
    /// <summary>R-KPI-4: 10 % of supplied parts per quarter.</summary>
    public const int SamplingPercent = 10;

    private readonly List<SamplingItem> _items = [];

    private SamplingPlan()
    {
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    public string Label => $"{Year}Q{Quarter}";

    /// <summary>How many batches were received in the quarter when the plan was drawn.</summary>
    public int BatchesInQuarter { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SamplingItem> Items => _items;

    public bool Completed => _items.All(i => i.Result != SamplingResult.Pending);

    /// <summary>⌈10 % × batches⌉: 1 batch → 1, 10 → 1, 11 → 2, 25 → 3.</summary>
    public static int SampleSize(int batches) => batches <= 0 ? 0 : (batches * SamplingPercent + 99) / 100;

    /// <summary>The quarter's first instant and the next quarter's, in the service zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) QuarterSpan(int year, int quarter)
    {
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (ServiceZone.At(start, TimeOnly.MinValue), ServiceZone.At(start.AddMonths(3), TimeOnly.MinValue));
    }

    public static (int Year, int Quarter) QuarterOf(DateTimeOffset instant)
    {
        var day = ServiceZone.DateOf(instant);
        return (day.Year, ((day.Month - 1) / 3) + 1);
    }

    /// <summary>
    /// Draws the plan: <see cref="SampleSize"/> of the quarter's batches, chosen at random (seeded by the plan id, so the
    /// draw can be reproduced) among the batches received in that quarter.
    /// </summary>
    public static SamplingPlan Draw(Guid id, Guid supplierId, int? year, int? quarter, IReadOnlyList<SampleCandidate> batches, string by, DateTimeOffset now)
    {
        InvalidInput.Require(year is >= 2000 and <= 2100, "year", "请填写抽检年份。");
        InvalidInput.Require(quarter is >= 1 and <= 4, "quarter", "季度须为 1 到 4。");
        var (from, to) = QuarterSpan(year!.Value, quarter!.Value);
        InvalidInput.Require(from <= now, "quarter", "不能为尚未开始的季度制定抽检计划。");
        var inQuarter = batches.Where(b => b.ReceivedAt >= from && b.ReceivedAt < to).OrderBy(b => b.BatchId).ToList();
        if (inQuarter.Count == 0)
        {
            throw new WorkflowRuleViolation("R-KPI-4", $"{year}Q{quarter} 该供应商没有到货批次，无需抽检。");
        }

        var random = new Random(BitConverter.ToInt32(id.ToByteArray(), 12));
        var chosen = inQuarter.OrderBy(_ => random.Next()).Take(SampleSize(inQuarter.Count)).OrderBy(b => b.PartNumber, StringComparer.Ordinal).ThenBy(b => b.BatchNumber, StringComparer.Ordinal);
        var plan = new SamplingPlan
        {
            Id = id,
            SupplierId = supplierId,
            Year = year.Value,
            Quarter = quarter.Value,
            BatchesInQuarter = inQuarter.Count,
            CreatedAt = now,
            CreatedBy = by,
        };
        var sequence = 0;
        foreach (var batch in chosen)
        {
            plan._items.Add(new SamplingItem(Guid.CreateVersion7(now), id, ++sequence, batch));
        }

        return plan;
    }

    /// <summary>登记抽检结果: once per sampled batch; the note is required for a failure.</summary>
    public SamplingItem Record(Guid itemId, bool? passed, string? note, string by, DateTimeOffset now)
    {
        var item = _items.FirstOrDefault(i => i.Id == itemId) ?? throw new InvalidInput("itemId", "该批次不在本抽检计划中。");
        InvalidInput.Require(passed is not null, "passed", "请选择抽检结果：合格或不合格。");
        if (item.Result != SamplingResult.Pending)
        {
            throw new TransitionRefused("record", item.Result.ToString(), "该批次的抽检结果已登记。");
        }

        var cleanNote = InvalidInput.OptionalText(note, "note", "检测说明", 1000);
        InvalidInput.Require(passed == true || cleanNote is not null, "note", "不合格时请写明检测发现的问题。");
        item.Set(passed == true ? SamplingResult.Passed : SamplingResult.Failed, cleanNote, by, now);
        Version++;
        return item;
    }
}

/// <summary>One sampled batch of a plan and its result.</summary>
public sealed class SamplingItem
{
    private SamplingItem()
    {
        PartNumber = string.Empty;
        BatchNumber = string.Empty;
    }

    internal SamplingItem(Guid id, Guid planId, int sequence, SampleCandidate batch)
    {
        Id = id;
        PlanId = planId;
        Sequence = sequence;
        BatchId = batch.BatchId;
        PartId = batch.PartId;
        PartNumber = batch.PartNumber;
        BatchNumber = batch.BatchNumber;
        Result = SamplingResult.Pending;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public int Sequence { get; private set; }

    public Guid BatchId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public string BatchNumber { get; private set; }

    public SamplingResult Result { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public string? RecordedBy { get; private set; }

    internal void Set(SamplingResult result, string? note, string by, DateTimeOffset now)
    {
        Result = result;
        Note = note;
        RecordedBy = by;
        RecordedAt = now;
    }
}
