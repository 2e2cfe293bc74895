using System.Net;
using AfterSales.Domain.Ratings;
using AfterSales.Web.Features.Ratings;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Ratings;

/// <summary>
/// 月度评级 (R-RAT-1): on 1 December the job rates November for every supplier once — running again, or several runs at
/// once, adds nothing; the poorly served supplier gets a D, which refuses new requests naming R-RAT-1 and the end date
/// until the suspension lifts by itself when December ends. The engineer who did the work gets the same scorecard (R-RAT-2).
/// </summary>
public sealed class MonthlyRatingJobTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_poor_month_is_rated_D_once_refuses_new_requests_and_the_suspension_lifts_when_the_next_month_ends()
    {
        await App.PoorServiceAsync();
        var job = App.Services.GetRequiredService<MonthlyRating>();
        var platform = await App.ClientForAsync("platform");

        // Before November has ended the operator cannot rate it, and the schedule rates October (nothing to see there).
        await (await platform.PostJsonAsync("/api/v1/ratings/run?month=2026-11", null)).NamesFieldAsync("month");

        App.MoveTo(RatingCalls.FirstOfDecember);
        platform = await App.ClientForAsync("platform");
        var runs = await Task.WhenAll(job.RunDueAsync(Ct), job.RunDueAsync(Ct), job.RunAsync(new RatingMonth(2026, 11), null, Ct));
        Assert.Equal(0, await job.RunDueAsync(Ct));
        var again = await platform.RunMonthAsync("2026-11");

        var november = await platform.RatingsAsync("2026-11");
        Assert.Equal(2, november.Count); // the two demo suppliers, one rating each
        Assert.Equal(november.Count, runs.Sum());
        Assert.Equal(0, again.Created);
        Assert.Equal(november.Select(r => r.Id).Order(), again.Ratings.Select(r => r.Id).Order());

        var poor = Assert.Single(november, r => r.HasData);
        Assert.Equal(RatingGrade.D, poor.Grade);
        Assert.True(poor.Inputs.DeadlinesBreached >= 1);
        Assert.Equal((1, 1.0m, 1, 1.0m), (poor.Inputs.Acceptances, poor.Inputs.AverageAcceptanceRating!.Value, poor.Inputs.Revisits, poor.Inputs.AverageRevisitSatisfaction!.Value));
        Assert.Equal((1, 0, 1, 0m), (poor.Inputs.Resolved, poor.Inputs.FirstTimeFixes, poor.Inputs.Reservices, poor.Inputs.ResolutionPercent!.Value));
        Assert.Equal(20.0m, poor.Inputs.SatisfactionPercent);
        Assert.True(poor.Suspended);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), poor.SuspendedUntil);
        var empty = Assert.Single(november, r => !r.HasData);
        Assert.Null(empty.Grade); // no data, not a D
        Assert.False(empty.Suspended);

        // Suspended: a new request to the supplier is refused naming the rule and the date its rights return.
        var refusal = await (await App.FileRequestAsync()).NamesRuleAsync("R-RAT-1");
        Assert.Contains("2027-01-01 00:00", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var supplier = await App.ClientForAsync("supplier.agent");
        var notice = await supplier.GetAsync<SuspensionNotice>("/api/v1/ratings/suspension");
        Assert.Equal(("2026-11", "2027-01-01 00:00"), (notice.Month, notice.UntilText));

        // The engineer who completed the service is scored on the same inputs (R-RAT-2).
        var engineers = await supplier.GetAsync<List<ScorecardView>>("/api/v1/ratings/scorecards/engineers?month=2026-11");
        var card = Assert.Single(engineers);
        Assert.Equal(("孙浩", RatingGrade.D), (card.Name, card.Grade!.Value));
        Assert.Equal(poor.Inputs.SatisfactionPercent, card.Inputs.SatisfactionPercent);

        // The audit trail records the rating and its suspension (R-X-4).
        var audit = await platform.GetAsync<System.Text.Json.JsonElement>($"/api/v1/audit?entityType=supplierRating&entityId={poor.Id}");
        Assert.Contains("suspendedUntil", audit.GetProperty("items")[0].GetProperty("changes").GetRawText(), StringComparison.Ordinal);

        // Still refused at the last minute of December; accepted from 1 January (by time alone, nothing ran).
        App.MoveTo(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.FromHours(8)));
        await (await App.FileRequestAsync()).NamesRuleAsync("R-RAT-1");
        App.MoveTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        await App.FileRequestAsync().CreatedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await (await App.ClientForAsync("supplier.agent")).GetAsync("/api/v1/ratings/suspension", Ct)).StatusCode);
        Assert.False((await (await App.ClientForAsync("platform")).RatingsAsync("2026-11")).Single(r => r.Id == poor.Id).Suspended);
    }
}
