using AfterSales.Data;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>How many open requests a calendar edit recomputed, and on how many of them a due instant moved.</summary>
public readonly record struct RecomputeOutcome(int Recomputed, int Changed);

/// <summary>
/// After a calendar is saved, every open deadline of the requests whose policy counts on it is derived again from its
/// start and pauses on the new calendar version (issue 3: deadlines "stay right when a calendar is edited"; R-SLA-2).
/// Works in batches of <see cref="BatchSize"/> requests, one SaveChanges each, through the system's eyes; a request that
/// someone changed meanwhile makes its batch run again on fresh rows. It runs inline in the save, so a calendar behind
/// very many open requests takes correspondingly long to save.
/// </summary>
public sealed class RecomputeCalendarDeadlines(IDbContextFactory<AppDbContext> contexts, ServiceRulesCatalog rulesCatalog, TimeProvider clock, ILogger<RecomputeCalendarDeadlines> logger)
{
    public const int BatchSize = 200;
    private const int Attempts = 3;

    public async Task<RecomputeOutcome> HandleAsync(string calendarId, string calendarName, int calendarVersion, CancellationToken cancellationToken)
    {
        // The edit must be what the next read of this calendar sees, here and in every request recomputed below.
        rulesCatalog.Forget(calendarId);
        List<Guid> policyIds;
        await using (var db = contexts.CreateSystemContext())
        {
            policyIds = await CalendarQueries.PolicyIdsAsync(db, calendarId, cancellationToken);
        }

        var outcome = default(RecomputeOutcome);
        Guid? after = null;
        while (policyIds.Count > 0)
        {
            List<Guid> batch;
            await using (var db = contexts.CreateSystemContext())
            {
                var open = db.ServiceRequests.IgnoreQueryFilters().Where(r => policyIds.Contains(r.PolicyId) && r.Deadlines.Any(d => d.ClosedAt == null));
                if (after is { } last)
                {
                    open = open.Where(r => r.Id > last);
                }

                batch = await open.OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }

            if (batch.Count == 0)
            {
                break;
            }

            var changed = await RecomputeBatchAsync(batch, calendarName, calendarVersion, cancellationToken);
            outcome = new RecomputeOutcome(outcome.Recomputed + batch.Count, outcome.Changed + changed);
            after = batch[^1];
        }

        return outcome;
    }

    private async Task<int> RecomputeBatchAsync(List<Guid> batch, string calendarName, int calendarVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateSystemContext();
            var now = clock.GetUtcNow();
            var requests = await db.ServiceRequests.IgnoreQueryFilters().Include(r => r.Deadlines).Where(r => batch.Contains(r.Id)).ToListAsync(cancellationToken);
            var changed = 0;
            foreach (var request in requests)
            {
                var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
                if (request.ApplyCalendarEdit(calendarName, calendarVersion, now, rules))
                {
                    changed++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return changed;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < Attempts)
            {
                // A user action saved one of these requests first (on the old or new calendar); redo the batch on fresh rows.
                logger.LogInformation(ex, "Recomputing deadlines after the edit of calendar {CalendarName} lost a race; retrying the batch.", calendarName);
            }
        }
    }
}
