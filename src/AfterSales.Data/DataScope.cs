namespace AfterSales.Data;

/// <summary>
/// Whose rows the current unit of work may see (R-ROLE-1). Global query filters read it; an organisation
/// sees only the records it is party to, the platform (and the system's own jobs) sees all.
/// Set once per request or Blazor circuit from the signed-in caller; unset means nothing is visible.
/// </summary>
public sealed class DataScope
{
    public Guid OrganizationId { get; private set; }

    /// <summary>For a dealer: its supplier, whose catalogue and policy it works under.</summary>
    public Guid ParentSupplierId { get; private set; }

    public bool SeesAll { get; private set; }

    public bool IsSet { get; private set; }

    /// <summary>Who is acting, for the audit trail (R-X-4); the system itself when no one signed in.</summary>
    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "系统";

    public static DataScope System() => new() { SeesAll = true, IsSet = true };

    public void SetActor(Guid userId, string name)
    {
        ActorUserId = userId;
        ActorName = name;
    }

    public void SetOrganization(Guid organizationId, Guid? parentSupplierId)
    {
        OrganizationId = organizationId;
        ParentSupplierId = parentSupplierId ?? Guid.Empty;
        SeesAll = false;
        IsSet = true;
    }

    public void SetPlatform(Guid organizationId)
    {
        OrganizationId = organizationId;
        SeesAll = true;
        IsSet = true;
    }
}
