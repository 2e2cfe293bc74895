using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>What a warehouse is for.</summary>
public enum WarehouseKind
{
    /// <summary>中心仓</summary>
    Central,

    /// <summary>区域仓</summary>
    Regional,

    /// <summary>工程师随车库存: a van's stock, held by one engineer</summary>
    Van,

    /// <summary>旧件库房: where appraised reusable old parts go (R-DLR-3)</summary>
    Storeroom,
}

/// <summary>仓库: a place a supplier keeps spare parts — a central or regional warehouse, a storeroom, or an engineer's van (R-EXE-4).</summary>
public sealed class Warehouse
{
    private Warehouse()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public WarehouseKind Kind { get; private set; }

    /// <summary>The engineer who holds a van's stock.</summary>
    public Guid? OwnerUserId { get; private set; }

    public string? OwnerName { get; private set; }

    public string? City { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A van belongs to one engineer of the supplier; other warehouses to no one person.</summary>
    public static Warehouse Define(Guid id, Guid supplierId, string? code, string? name, WarehouseKind? kind, (Guid Id, string Name)? owner, string? city, DateTimeOffset now)
    {
        var cleanCode = Identifiers.Require(code, "code", "仓库编号", 40);
        var cleanName = InvalidInput.Text(name, "name", "仓库名称", 100);
        InvalidInput.Require(kind is not null, "kind", "请选择仓库类型：central、regional、van 或 storeroom。");
        if (kind == WarehouseKind.Van)
        {
            InvalidInput.Require(owner is not null, "ownerUserId", "随车库存须指定持有的工程师。");
        }
        else
        {
            InvalidInput.Require(owner is null, "ownerUserId", "只有随车库存（van）有持有工程师。");
        }

        return new Warehouse
        {
            Id = id,
            SupplierId = supplierId,
            Code = cleanCode,
            Name = cleanName,
            Kind = kind!.Value,
            OwnerUserId = owner?.Id,
            OwnerName = owner?.Name,
            City = InvalidInput.OptionalText(city, "city", "城市", 50),
            CreatedAt = now,
        };
    }
}
