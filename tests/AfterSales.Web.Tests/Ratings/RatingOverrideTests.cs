using AfterSales.Domain.Ratings;
using AfterSales.Web.Features.Ratings;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Ratings;

/// <summary>
/// 平台调整评级 (R-RAT-1): the platform overrides a grade with a reason; to D suspends the supplier at once, away from D
/// lifts it at once; the supplier cannot override its own rating; every change is in the audit trail.
/// </summary>
public sealed class RatingOverrideTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_platform_overrides_a_grade_with_a_reason_which_suspends_and_lifts_at_once()
    {
        App.MoveTo(RatingCalls.FirstOfDecember);
        var platform = await App.ClientForAsync("platform");
        await platform.RunMonthAsync("2026-11");
        var supplier = await App.ClientForAsync("supplier.manager");
        var own = Assert.Single(await supplier.RatingsAsync("2026-11"));
        Assert.Null(own.Grade); // nothing happened in November in the demo data

        await (await supplier.PostJsonAsync($"/api/v1/ratings/{own.Id}/override", new { grade = "A", reason = "自评" })).ProblemAsync(System.Net.HttpStatusCode.Forbidden);
        await (await platform.PostJsonAsync($"/api/v1/ratings/{own.Id}/override", new { grade = "D" })).NamesFieldAsync("reason");

        var toD = await (await platform.PostJsonAsync($"/api/v1/ratings/{own.Id}/override", new { grade = "D", reason = "核实存在虚报服务记录" })).ReadAsync<SupplierRatingView>();
        Assert.Equal((RatingGrade.D, true, "王敏", "核实存在虚报服务记录"), (toD.Grade!.Value, toD.Suspended, toD.Override!.By, toD.Override.Reason));
        Assert.Null(toD.ComputedGrade);
        await (await App.FileRequestAsync()).NamesRuleAsync("R-RAT-1");

        App.Clock.Advance(TimeSpan.FromDays(2));
        platform = await App.ClientForAsync("platform");
        var toB = await (await platform.PostJsonAsync($"/api/v1/ratings/{own.Id}/override", new { grade = "B", reason = "复核后证据不足，撤销处罚" })).ReadAsync<SupplierRatingView>();
        Assert.Equal((RatingGrade.B, RatingGrade.D, false), (toB.Grade!.Value, toB.Override!.From!.Value, toB.Suspended));
        await App.FileRequestAsync().CreatedAsync();

        var audit = await platform.GetAsync<System.Text.Json.JsonElement>($"/api/v1/audit?entityType=supplierRating&entityId={own.Id}");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count); // rated (the operator ran the month), overridden to D, overridden to B
        Assert.All(entries, e => Assert.Equal("王敏", e.GetProperty("actorName").GetString()));
        Assert.Equal(2, entries.Count(e => e.GetProperty("changes").GetRawText().Contains("复核后证据不足", StringComparison.Ordinal)
            || e.GetProperty("changes").GetRawText().Contains("核实存在虚报服务记录", StringComparison.Ordinal)));
    }
}
