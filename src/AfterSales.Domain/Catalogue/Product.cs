namespace AfterSales.Domain.Catalogue;

/// <summary>
/// Product categories the policies key warranty terms on (R-WTY-1: e.g. equipment 12 months, parts 6 months).
/// Kept as codes, not an enum, because suppliers add their own.
/// </summary>
public static class ProductCategories
{
    public const string Equipment = "equipment";
    public const string Parts = "parts";
    public const string Software = "software";
    public const string Consumables = "consumables";
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

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string Model { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    /// <summary>A product-specific term stated in the manual; overrides the policy's category term (R-WTY-1).</summary>
    public int? WarrantyMonths { get; private set; }

    public string? Specification { get; private set; }
}
