using AfterSales.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.Web.Security;

/// <summary>
/// Whether a signed-in user is still active. A bearer token or cookie issued before a deactivation would otherwise
/// stay good until it expires (up to an hour); every request asks this instead, from a cache of 30 seconds that a
/// deactivation on this instance clears at once.
/// </summary>
public sealed class ActiveUsers(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out bool active))
        {
            return active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        active = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.IsActive).FirstOrDefaultAsync(cancellationToken);
        cache.Set(Key(userId), active, Freshness);
        return active;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"active-user:{userId:N}";
}
