using Microsoft.AspNetCore.Identity;

namespace AfterSales.Data.Identity;

/// <summary>A person who signs in. Belongs to exactly one organisation (R-ROLE-1).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid OrganizationId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A role granting permissions (as role claims of type <see cref="PermissionClaim"/>; R-ROLE-2).</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public string DisplayNameZh { get; set; } = string.Empty;

    public string DisplayNameEn { get; set; } = string.Empty;

    /// <summary>The party kind a holder of this role must belong to.</summary>
    public string Party { get; set; } = string.Empty;
}

public static class PermissionClaim
{
    public const string Type = "permission";
    public const string OrganizationId = "org";
    public const string Party = "party";
    public const string DisplayName = "display_name";
    public const string ParentSupplier = "parent_supplier";
}
