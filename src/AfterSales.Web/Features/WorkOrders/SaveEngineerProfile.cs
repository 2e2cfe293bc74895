using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>工程师档案 (R-EXE-2): a dispatcher of the supplier records an engineer's skills, certificates, base city and calendar.</summary>
public sealed class SaveEngineerProfile(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Type">electrician, maintenanceCertification, workingAtHeight or specialEquipment.</param>
    /// <param name="Number">证书编号.</param>
    /// <param name="ExpiresOn">Last valid day, e.g. 2027-06-30.</param>
    public sealed record CertificateInput(CertificateType? Type, string? Number, DateOnly? ExpiresOn);

    /// <param name="BaseCity">常驻城市, e.g. 苏州 (decides 24 h / 48 h arrival).</param>
    /// <param name="CalendarId">Working calendar id, e.g. cn-9-18 (optional).</param>
    /// <param name="Skills">Skills, e.g. ["数控系统", "主轴"].</param>
    /// <param name="Certificates">Qualification certificates.</param>
    public sealed record Command(string? BaseCity, string? CalendarId, IReadOnlyList<string>? Skills, IReadOnlyList<CertificateInput>? Certificates);

    public async Task HandleAsync(Guid userId, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganizationId == caller.OrganizationId)
            .Select(u => new { u.Id, u.DisplayName, u.OrganizationId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("工程师");
        var certificates = (command.Certificates ?? []).Select((c, i) =>
        {
            InvalidInput.Require(c.Type is not null, $"certificates[{i}].type", "请选择证书类型。");
            InvalidInput.Require(c.ExpiresOn is not null, $"certificates[{i}].expiresOn", "请填写证书有效期。");
            return new QualificationCertificate(c.Type!.Value, c.Number ?? string.Empty, c.ExpiresOn!.Value);
        }).ToList();
        var now = clock.GetUtcNow();
        var profile = await db.EngineerProfiles.SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = EngineerProfile.Create(user.Id, user.OrganizationId, user.DisplayName, caller.ToActor(), now);
            db.EngineerProfiles.Add(profile);
        }

        profile.Update(caller.ToActor(), command.BaseCity, command.CalendarId, command.Skills, certificates, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflict();
        }
    }
}
