using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.ServiceRequests;

namespace AfterSales.Web.Features.Platform;

/// <summary>An organisation as the platform console lists it: contact, the supplier's policy version, the dealer's supplier.</summary>
public sealed record OrganizationSummary(
    Guid Id,
    string Code,
    string Name,
    PartyKind Kind,
    string? City,
    string? ContactPhone,
    PolicyRef? Policy,
    string? PolicyPreset,
    PartyRef? ParentSupplier,
    int UserCount,
    DateTimeOffset CreatedAt);

/// <summary>A role with its names in both languages (R-ROLE-2).</summary>
public sealed record RoleView(string Name, string DisplayZh, string DisplayEn);

/// <summary>A user of an organisation: roles, whether they may sign in, whether sign-in is locked after failures.</summary>
public sealed record UserView(
    Guid Id,
    string UserName,
    string DisplayName,
    Guid OrganizationId,
    IReadOnlyList<RoleView> Roles,
    bool IsActive,
    bool LockedOut,
    DateTimeOffset CreatedAt);
