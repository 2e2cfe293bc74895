using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>
/// Demo engineers of 华东精密 (issue 6, R-EXE-2): 孙浩 (supplier.engineer) based in 苏州 with a valid electrician's
/// certificate, and 周杰 (supplier.manager, who also goes on site) based in 上海 whose electrician's certificate has
/// expired — so the dispatch board shows both a ranking and the certificate rule.
/// </summary>
public static class WorkOrderDemoData
{
    public static async Task SeedAsync(AppDbContext db, Guid supplierId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ServiceZone.DateOf(now);
        var users = await db.Users.IgnoreQueryFilters()
            .Where(u => u.OrganizationId == supplierId && (u.UserName == "supplier.engineer" || u.UserName == "supplier.manager"))
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var profile = EngineerProfile.Create(user.Id, supplierId, user.DisplayName, Actor.System, now);
            if (user.UserName == "supplier.engineer")
            {
                profile.Update(Actor.System, "苏州", "cn-9-18", ["数控系统", "主轴", "电气"],
                [
                    new QualificationCertificate(CertificateType.Electrician, "T320500198801011234", today.AddYears(2)),
                    new QualificationCertificate(CertificateType.MaintenanceCertification, "HDJM-MC-2024-017", today.AddYears(1)),
                ], now);
            }
            else
            {
                profile.Update(Actor.System, "上海", "cn-9-18", ["数控系统", "PLC"],
                [
                    new QualificationCertificate(CertificateType.Electrician, "T310100197905054321", today.AddMonths(-1)),
                ], now);
            }

            db.EngineerProfiles.Add(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
