using System.Text.RegularExpressions;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// 新建组织: the platform admin registers a customer, supplier or dealer. A supplier starts on one of the shipped
/// policy presets (R-SLA-1); a dealer works under one supplier (R-DLR-1). The code is unique (409 when taken).
/// </summary>
public sealed partial class CreateOrganization(AppDbContext db, CallerContext callers, TimeProvider clock, PlatformAuditLog audit)
{
    /// <summary>
    /// Code: letters, digits and - _ . (stored upper-case). PolicyPreset, supplier only: a key of <c>GET /policies/presets</c>.
    /// ParentSupplierId, dealer only: the supplier it works under.
    /// </summary>
    public sealed record Command(string? Code, string? Name, PartyKind? Kind, string? City, string? ContactPhone, string? PolicyPreset, Guid? ParentSupplierId);

    public async Task<Guid> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!caller.Has(Permissions.OrganizationsManage))
        {
            throw new ActionNotPermitted("createOrganization", "只有平台管理员可以新建组织。");
        }

        var code = InvalidInput.Text(command.Code, "code", "组织编码", 40).ToUpperInvariant();
        InvalidInput.Require(CodePattern().IsMatch(code), "code", "组织编码只能包含字母、数字和 - _ .，且以字母或数字开头。");
        var name = InvalidInput.Text(command.Name, "name", "组织名称", 200);
        InvalidInput.Require(command.Kind is not null, "kind", "请选择组织类型：customer、supplier 或 dealer。");
        var kind = command.Kind!.Value;

        // One platform per deployment: its staff are created as users, not as another platform organisation.
        InvalidInput.Require(kind != PartyKind.Platform, "kind", "只能新建客户、供应商或经销商组织。");
        var city = InvalidInput.OptionalText(command.City, "city", "所在城市", 100);
        var phone = InvalidInput.OptionalText(command.ContactPhone, "contactPhone", "联系电话", 40);
        InvalidInput.Require(kind == PartyKind.Supplier || string.IsNullOrWhiteSpace(command.PolicyPreset), "policyPreset", "只有供应商需要选择售后政策。");
        InvalidInput.Require(kind == PartyKind.Dealer || command.ParentSupplierId is null, "parentSupplierId", "只有经销商需要指定所属供应商。");

        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, cancellationToken))
        {
            throw Duplicate(code);
        }

        var now = clock.GetUtcNow();
        var organization = new Organization(Guid.CreateVersion7(now), code, name, kind, now);
        organization.UpdateContact(city, phone);
        string detail;
        if (kind == PartyKind.Supplier)
        {
            var policy = await PresetPolicyAsync(db, command.PolicyPreset, "policyPreset", cancellationToken);
            organization.ChoosePolicy(policy.Id);
            detail = $"kind {kind}, policy {policy.Name} v{policy.Version}";
        }
        else if (kind == PartyKind.Dealer)
        {
            InvalidInput.Require(command.ParentSupplierId is not null, "parentSupplierId", "经销商须指定所属供应商。");
            var supplier = await db.Organizations.SingleOrDefaultAsync(o => o.Id == command.ParentSupplierId && o.Kind == PartyKind.Supplier, cancellationToken);
            InvalidInput.Require(supplier is not null, "parentSupplierId", "所属供应商不存在。");
            organization.PlaceUnderSupplier(supplier!);
            detail = $"kind {kind}, under supplier {supplier!.Code}";
        }
        else
        {
            detail = $"kind {kind}";
        }

        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another admin creating the same code: the unique index decided.
            if (await CodeTakenAsync(code, cancellationToken))
            {
                throw Duplicate(code);
            }

            throw;
        }

        audit.Record(caller, "createOrganization", "organization", organization.Id, code, detail);
        return organization.Id;
    }

    /// <summary>The shipped policy row of a preset (no owner), newest version; 400 naming the field when unknown.</summary>
    internal static async Task<Domain.Policies.ServicePolicy> PresetPolicyAsync(AppDbContext db, string? presetKey, string field, CancellationToken cancellationToken)
    {
        var choices = string.Join("、", PolicyPresets.All.Select(p => p.Key));
        InvalidInput.Require(!string.IsNullOrWhiteSpace(presetKey), field, $"请选择售后政策预设：{choices}。");
        var key = presetKey!.Trim();
        var policy = await db.ServicePolicies.IgnoreQueryFilters()
            .Where(p => p.PresetKey == key && p.OwnerOrganizationId == null)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken);
        InvalidInput.Require(policy is not null, field, $"没有名为 {key} 的政策预设，可选：{choices}。");
        return policy!;
    }

    private async Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, cancellationToken);
    }

    private static DuplicateRecord Duplicate(string code) => new("code", $"组织编码 {code} 已被使用，请换一个编码。");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
