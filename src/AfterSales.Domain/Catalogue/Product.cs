using System.Text.RegularExpressions;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Catalogue;

/// <summary>
/// Product categories the policies key warranty terms on (R-WTY-1: e.g. equipment 12 months, parts 6 months).
/// Kept as codes, not an enum, because suppliers add their own.
/// </summary>
public static partial class ProductCategories
{
    public const string Equipment = "equipment";
    public const string Parts = "parts";
    public const string Software = "software";
    public const string Consumables = "consumables";

    public static IReadOnlyList<string> Standard { get; } = [Equipment, Parts, Software, Consumables];

    /// <summary>A standard category or a supplier's own code: lower-case letters, digits and hyphens, 2–40 characters.</summary>
    public static string Normalize(string? category, string field)
    {
        var code = InvalidInput.Text(category, field, "产品类别", 40).ToLowerInvariant();
        InvalidInput.Require(CodePattern().IsMatch(code), field,
            "产品类别须为 equipment、parts、software、consumables 或自定义代码（小写字母开头，仅含小写字母、数字和连字符）。");
        return code;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>产品: a model in a supplier's catalogue.</summary>
public sealed class Product
{
    private Product()
    {
        Model = string.Empty;
        Name = string.Empty;
        Category = string.Empty;
    }

    public Product(Guid id, Guid supplierId, string model, string name, string category, int? warrantyMonths = null, string? specification = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (warrantyMonths is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warrantyMonths), "A warranty term is a positive number of months.");
        }

        Id = id;
        SupplierId = supplierId;
        Model = model.Trim();
        Name = name.Trim();
        Category = category.Trim();
        WarrantyMonths = warrantyMonths;
        Specification = specification;
    }

    /// <summary>
    /// 新增产品: a model added to a supplier's catalogue, its input checked field by field. The category decides the
    /// policy's warranty term unless the product states its own (R-WTY-1).
    /// </summary>
    public static Product Define(Guid id, Guid supplierId, string? model, string? name, string? category, int? warrantyMonths, string? specification)
    {
        var cleanModel = InvalidInput.Text(model, "model", "型号", 100);
        var cleanName = InvalidInput.Text(name, "name", "产品名称", 200);
        var cleanCategory = ProductCategories.Normalize(category, "category");
        InvalidInput.Require(warrantyMonths is null or (> 0 and <= 240), "warrantyMonths", "质保期须为 1 到 240 个月；不填则按售后政策的品类期限。");
        var cleanSpecification = InvalidInput.OptionalText(specification, "specification", "规格说明", 1000);
        return new Product(id, supplierId, cleanModel, cleanName, cleanCategory, warrantyMonths, cleanSpecification);
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string Model { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    /// <summary>A product-specific term stated in the manual; overrides the policy's category term (R-WTY-1).</summary>
    public int? WarrantyMonths { get; private set; }

    public string? Specification { get; private set; }
}
