using System.Net;
using AfterSales.Web.Features.Ratings;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Ratings;

/// <summary>Who sees ratings and scorecards (R-RAT-1, R-RAT-2): the platform all, a supplier its own, customers none.</summary>
public sealed class RatingPermissionTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_platform_sees_every_supplier_a_supplier_only_its_own_and_a_customer_nothing()
    {
        App.MoveTo(RatingCalls.FirstOfDecember);
        var platform = await App.ClientForAsync("platform");
        var run = await platform.RunMonthAsync("2026-11");
        Assert.Equal(2, run.Ratings.Count);

        var supplier = await App.ClientForAsync("supplier.agent");
        var supplier2 = await App.ClientForAsync("supplier2.agent");
        var own = Assert.Single(await supplier.RatingsAsync("2026-11"));
        var other = Assert.Single(await supplier2.RatingsAsync("2026-11"));
        Assert.NotEqual(own.SupplierId, other.SupplierId);
        Assert.Empty(await supplier.GetAsync<List<SupplierRatingView>>($"/api/v1/ratings?supplierId={other.SupplierId}"));

        // Trend: its own 12 months, ending with November; another supplier's is not there (404).
        var trend = await supplier.GetAsync<RatingTrendView>($"/api/v1/ratings/{own.SupplierId}/trend");
        Assert.Equal(12, trend.Months.Count);
        Assert.Equal(("2025-12", "2026-11", true), (trend.Months[0].Month, trend.Months[^1].Month, trend.Months[^1].Rated));
        Assert.False(trend.Months[^2].Rated);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetAsync($"/api/v1/ratings/{other.SupplierId}/trend", Ct)).StatusCode);
        Assert.Equal(12, (await platform.GetAsync<RatingTrendView>($"/api/v1/ratings/{other.SupplierId}/trend")).Months.Count);

        // Customers see no ratings or scorecards; only the platform runs the job.
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/ratings?month=2026-11", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/ratings/scorecards/engineers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/ratings/scorecards/dealers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ClientForAsync("dealer")).GetAsync("/api/v1/ratings?month=2026-11", Ct)).StatusCode);
        await (await supplier.PostJsonAsync("/api/v1/ratings/run?month=2026-10", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.PostJsonAsync("/api/v1/ratings/run?month=2026-13", null)).NamesFieldAsync("month");
    }
}
