namespace AfterSales.Domain.Policies;

/// <summary>
/// 售后政策: one immutable version of the figures a supplier promises (REQUIREMENTS §13, R-SLA-1).
/// A new version is a new row; a service request keeps the version it was created under.
/// </summary>
public sealed class ServicePolicy
{
    private ServicePolicy()
    {
        Key = string.Empty;
        Name = string.Empty;
        Figures = PolicyFigures.Empty;
    }

    public ServicePolicy(Guid id, string key, int version, string name, PolicyFigures figures, DateTimeOffset effectiveFrom, Guid? ownerOrganizationId, string? presetKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = id;
        Key = key;
        Version = version;
        Name = name;
        Figures = figures;
        EffectiveFrom = effectiveFrom;
        OwnerOrganizationId = ownerOrganizationId;
        PresetKey = presetKey;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable key shared by all versions of one policy.</summary>
    public string Key { get; private set; }

    public int Version { get; private set; }

    public string Name { get; private set; }

    /// <summary>The preset this policy was made from (one of <see cref="PolicyPresets"/>), if any.</summary>
    public string? PresetKey { get; private set; }

    /// <summary>The supplier (or platform) that owns the policy; null for the shipped presets.</summary>
    public Guid? OwnerOrganizationId { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    public PolicyFigures Figures { get; private set; }
}
