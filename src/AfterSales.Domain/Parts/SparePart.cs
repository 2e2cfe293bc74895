using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>
/// 备件: one part number in a supplier's spare-parts catalogue — name, brand, the product models it fits and the
/// replenishment lead time disclosed to the customer (R-EXE-4, R-QUO-4: a standard part is replenished within 7 days;
/// a custom part takes longer, e.g. "定制配件需 15 日生产", and the customer is told so).
/// </summary>
public sealed class SparePart
{
    /// <summary>R-EXE-4: no stock → replenishment within 7 days for a standard part.</summary>
    public const int StandardLeadTimeMaxDays = 7;

    /// <summary>A custom part's production time is disclosed; a year is the most a catalogue may promise.</summary>
    public const int CustomLeadTimeMaxDays = 365;

    private SparePart()
    {
        PartNumber = string.Empty;
        Name = string.Empty;
        Brand = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>备件编号, unique per supplier.</summary>
    public string PartNumber { get; private set; }

    public string Name { get; private set; }

    public string Brand { get; private set; }

    /// <summary>The product models (Product.Model) the part fits.</summary>
    public IReadOnlyList<string> CompatibleModels { get; private set; } = [];

    /// <summary>定制配件: made to order, with a longer disclosed lead time.</summary>
    public bool IsCustom { get; private set; }

    /// <summary>Days from ordering to arrival when out of stock (补货周期).</summary>
    public int LeadTimeDays { get; private set; }

    public string? Specification { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What the customer is told about waiting for this part (R-QUO-4).</summary>
    public string LeadTimeDisclosure => IsCustom
        ? $"定制配件需 {LeadTimeDays} 日生产"
        : $"缺货时 {LeadTimeDays} 日内补货";

    /// <summary>
    /// 新增备件: the input checked field by field; a standard part's lead time is 1–7 days (R-EXE-4), a custom
    /// part's longer than 7 (it is made to order) and at most a year.
    /// </summary>
    public static SparePart Define(Guid id, Guid supplierId, string? partNumber, string? name, string? brand, IEnumerable<string>? compatibleModels,
        bool isCustom, int? leadTimeDays, string? specification, DateTimeOffset now)
    {
        var number = Identifiers.Require(partNumber, "partNumber", "备件编号", 60);
        var cleanName = InvalidInput.Text(name, "name", "备件名称", 200);
        var cleanBrand = InvalidInput.Text(brand, "brand", "品牌", 100);
        var models = (compatibleModels ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        InvalidInput.Require(models.Count > 0, "compatibleModels", "请至少填写一个适配的产品型号。");
        InvalidInput.Require(models.Count <= 50 && models.All(m => m.Length <= 100), "compatibleModels", "适配型号最多 50 个，每个不超过 100 个字符。");
        InvalidInput.Require(leadTimeDays is not null, "leadTimeDays", "请填写补货周期（天）。");
        if (isCustom)
        {
            InvalidInput.Require(leadTimeDays > StandardLeadTimeMaxDays && leadTimeDays <= CustomLeadTimeMaxDays, "leadTimeDays",
                $"定制配件的生产周期须大于 {StandardLeadTimeMaxDays} 天且不超过 {CustomLeadTimeMaxDays} 天，并向客户告知（R-QUO-4）。");
        }
        else
        {
            InvalidInput.Require(leadTimeDays is >= 1 and <= StandardLeadTimeMaxDays, "leadTimeDays",
                $"标准备件缺货时须在 {StandardLeadTimeMaxDays} 天内补货，补货周期须为 1 到 {StandardLeadTimeMaxDays} 天（R-EXE-4）；更长的请登记为定制配件。");
        }

        return new SparePart
        {
            Id = id,
            SupplierId = supplierId,
            PartNumber = number,
            Name = cleanName,
            Brand = cleanBrand,
            CompatibleModels = models,
            IsCustom = isCustom,
            LeadTimeDays = leadTimeDays!.Value,
            Specification = InvalidInput.OptionalText(specification, "specification", "规格说明", 1000),
            CreatedAt = now,
        };
    }

    public bool Fits(string? productModel) =>
        productModel is not null && CompatibleModels.Any(m => string.Equals(m, productModel, StringComparison.OrdinalIgnoreCase));
}
