using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Before the app serves: apply migrations, make sure the product's own data exists (roles with their
/// permissions, the five policy presets), then the demo data when DemoData:Enabled (default on; off in production).
/// Every step is idempotent, so a restart or a second instance changes nothing.
/// </summary>
public static class StartupTasks
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = contexts.CreateSystemContext())
        {
            await db.Database.MigrateAsync();
        }

        services.GetRequiredService<DataScope>().SetPlatform(Guid.Empty);
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<AppRole>>());
        var clock = services.GetRequiredService<TimeProvider>();
        await using (var db = contexts.CreateSystemContext())
        {
            await EnsurePresetsAsync(db, clock.GetUtcNow());
            await EnsureCalendarsAsync(db, clock.GetUtcNow());
        }

        if (app.Configuration.GetValue("DemoData:Enabled", true))
        {
            await services.GetRequiredService<DemoData>().EnsureAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The shipped roles with their default grants. A grant a new release adds is added to an existing role too;
    /// a grant an admin removed is not put back unless the release adds it anew (only missing defaults are added).
    /// </summary>
    private static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var definition in Roles.All)
        {
            var role = await roles.FindByNameAsync(definition.Name);
            if (role is null)
            {
                role = new AppRole { Id = Guid.CreateVersion7(), Name = definition.Name, DisplayNameZh = definition.DisplayZh, DisplayNameEn = definition.DisplayEn, Party = definition.Party.ToString() };
                Check(await roles.CreateAsync(role));
            }

            var granted = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaim.Type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var permission in definition.Grants.Where(p => !granted.Contains(p)))
            {
                Check(await roles.AddClaimAsync(role, new Claim(PermissionClaim.Type, permission)));
            }
        }
    }

    /// <summary>The built-in working calendars (R-SLA-2: cn-9-18 with mainland China holidays and 调休, and 24×7), once.</summary>
    private static async Task EnsureCalendarsAsync(AppDbContext db, DateTimeOffset now)
    {
        var existing = await db.Calendars.Select(c => c.Id).ToListAsync();
        foreach (var calendar in WorkingCalendars.BuiltIn.Values.Where(c => !existing.Contains(c.Id)))
        {
            db.Calendars.Add(CalendarDefinition.From(calendar, now, "系统"));
        }

        await db.SaveChangesAsync();
    }

    private static async Task EnsurePresetsAsync(AppDbContext db, DateTimeOffset now)
    {
        var existing = await db.ServicePolicies.Where(p => p.OwnerOrganizationId == null && p.PresetKey != null).Select(p => p.PresetKey).ToListAsync();
        foreach (var preset in PolicyPresets.All.Where(p => !existing.Contains(p.Key)))
        {
            db.ServicePolicies.Add(new ServicePolicy(Guid.CreateVersion7(now), $"preset:{preset.Key}", 1, preset.NameZh, preset.Figures, now, null, preset.Key));
        }

        await db.SaveChangesAsync();
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
