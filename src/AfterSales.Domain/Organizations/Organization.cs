namespace AfterSales.Domain.Organizations;

/// <summary>Which side of the after-sales triangle an organisation is on (REQUIREMENTS §1).</summary>
public enum PartyKind
{
    Platform,
    Supplier,
    Dealer,
    Customer,
}

/// <summary>
/// 组织: a customer, supplier, dealer or the platform operator. Every user belongs to exactly one (R-ROLE-1).
/// </summary>
public sealed class Organization
{
    private Organization()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    public Organization(Guid id, string code, string name, PartyKind kind, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Code = code.Trim();
        Name = name.Trim();
        Kind = kind;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Short stable code (e.g. "SUP-ACME") used in imports and the UI.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public PartyKind Kind { get; private set; }

    /// <summary>A dealer works in the region of one supplier (R-DLR-1).</summary>
    public Guid? ParentSupplierId { get; private set; }

    /// <summary>The supplier's service policy (a specific version); null for other parties.</summary>
    public Guid? ServicePolicyId { get; private set; }

    public string? City { get; private set; }

    public string? ContactPhone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void PlaceUnderSupplier(Organization supplier)
    {
        if (Kind != PartyKind.Dealer || supplier.Kind != PartyKind.Supplier)
        {
            throw new InvalidOperationException("Only a dealer can be placed under a supplier.");
        }

        ParentSupplierId = supplier.Id;
    }

    public void ChoosePolicy(Guid servicePolicyId)
    {
        if (Kind != PartyKind.Supplier)
        {
            throw new InvalidOperationException("Only suppliers carry a service policy.");
        }

        ServicePolicyId = servicePolicyId;
    }

    public void UpdateContact(string? city, string? phone)
    {
        City = string.IsNullOrWhiteSpace(city) ? null : city.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }
}
