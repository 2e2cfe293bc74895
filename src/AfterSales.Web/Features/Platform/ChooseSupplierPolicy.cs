using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// 更换售后政策: the platform admin puts a supplier on a preset or on one of the supplier's own policy versions.
/// Requests already filed keep the version they were created under; only new requests use the new one (R-SLA-1).
/// </summary>
public sealed class ChooseSupplierPolicy(AppDbContext db, CallerContext callers, PlatformAuditLog audit)
{
    /// <summary>Either PolicyPreset (a key of <c>GET /policies/presets</c>) or PolicyId (a preset version or one of this supplier's own).</summary>
    public sealed record Command(string? PolicyPreset, Guid? PolicyId);

    public async Task HandleAsync(Guid organizationId, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!caller.Has(Permissions.OrganizationsManage))
        {
            throw new ActionNotPermitted("choosePolicy", "只有平台管理员可以更换供应商的售后政策。");
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken) ?? throw new NotFound("组织");
        if (organization.Kind != PartyKind.Supplier)
        {
            throw new WorkflowRuleViolation("R-SLA-1", "只有供应商组织有售后政策。");
        }

        var byPreset = !string.IsNullOrWhiteSpace(command.PolicyPreset);
        InvalidInput.Require(byPreset != (command.PolicyId is not null), "policyPreset", "请指定 policyPreset（预设）或 policyId（政策版本）其中之一。");
        Domain.Policies.ServicePolicy policy;
        if (byPreset)
        {
            policy = await CreateOrganization.PresetPolicyAsync(db, command.PolicyPreset, "policyPreset", cancellationToken);
        }
        else
        {
            var found = await db.ServicePolicies.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == command.PolicyId, cancellationToken);
            InvalidInput.Require(found is not null && (found.OwnerOrganizationId is null || found.OwnerOrganizationId == organization.Id), "policyId",
                "该政策版本不存在，或属于其他供应商。");
            policy = found!;
        }

        var previous = organization.ServicePolicyId;
        organization.ChoosePolicy(policy.Id);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(caller, "choosePolicy", "organization", organization.Id, organization.Code, $"policy {previous} -> {policy.Id} ({policy.Name} v{policy.Version})");
    }
}
