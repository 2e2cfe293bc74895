using AfterSales.Domain.Ratings;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Ratings;

/// <summary>Supplier ratings and sanctions (R-RAT-1) and scorecards (R-RAT-2) under <c>/api/v1/ratings</c> (issue 5 §5).</summary>
public static class RatingsApi
{
    public static IServiceCollection AddRatingFeatures(this IServiceCollection services)
    {
        services.AddScoped<RatingQueries>();
        services.AddScoped<RatingActions>();
        services.AddSingleton<MonthlyRating>();
        services.AddHostedService<MonthlyRatingWorker>();
        return services;
    }

    public static RouteGroupBuilder MapRatingsApi(this RouteGroupBuilder api)
    {
        var ratings = api.MapGroup("/ratings").WithTags("Ratings 评级");

        ratings.MapGet("/", async ([FromQuery(Name = "month")] string? month, [FromQuery(Name = "supplierId")] Guid? supplierId, RatingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(month, supplierId, ct)))
            .WithSummary("供应商评级 Supplier ratings with grade, score and inputs (R-RAT-1)")
            .WithDescription("Filters: month (yyyy-MM, Asia/Shanghai) and supplierId. The platform sees every supplier, a supplier its own ratings; "
                + "customers and dealers get 403. A month without any data has grade null and hasData false (no data, not D).");

        ratings.MapPost("/run", async ([FromQuery(Name = "month")] string? month, RatingActions actions, RatingQueries queries, CancellationToken ct) =>
            {
                var created = await actions.RunAsync(month, ct);
                var key = RatingMonth.Parse(month).ToString();
                return TypedResults.Ok(new RatingRunView(key, created, await queries.ListAsync(key, null, ct)));
            })
            .WithSummary("执行月度评级 Rate every supplier for an ended month (R-RAT-1)")
            .WithDescription("?month=2026-10. ratings.manage (platform operator or admin). Idempotent: suppliers already rated for the month keep their rating "
                + "(created counts only new ones). A month that has not ended is 400. Grade D suspends the supplier's after-sales rights until the end of the following month.");

        ratings.MapGet("/{supplierId:guid}/trend", async (Guid supplierId, RatingQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.TrendAsync(supplierId, ct)))
            .WithSummary("评级趋势 A supplier's last 12 months, oldest first")
            .WithDescription("One point per month up to the last ended month; rated false for a month without a rating.");

        ratings.MapPost("/{id:guid}/override", async (Guid id, RatingActions.OverrideCommand command, RatingActions actions, RatingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.OverrideAsync(id, command, ct), ct)))
            .WithSummary("调整评级 Override a grade with a reason (R-RAT-1)")
            .WithDescription("Body { \"grade\": \"A|B|C|D\", \"reason\": \"…\" }. ratings.manage. To D starts the suspension now until the sanction month ends; "
                + "from D lifts a running suspension now. Recorded in the audit trail.");

        ratings.MapGet("/scorecards/engineers", async ([FromQuery(Name = "month")] string? month, RatingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.EngineerScorecardsAsync(month, ct)))
            .WithSummary("工程师评分卡 Engineers' scorecards for a month (R-RAT-2)")
            .WithDescription("month (yyyy-MM; default the last ended month). An engineer is scored on the requests whose service they completed. "
                + "The platform sees all, an organisation its own people; customers 403.");

        ratings.MapGet("/scorecards/dealers", async ([FromQuery(Name = "month")] string? month, RatingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DealerScorecardsAsync(month, ct)))
            .WithSummary("经销商评分卡 Dealers' scorecards for a month (R-RAT-2)")
            .WithDescription("month (yyyy-MM; default the last ended month). The platform sees all dealers, a supplier its dealers, a dealer itself; customers 403.");

        ratings.MapGet("/suspension", async (RatingQueries queries, CancellationToken ct) =>
                await queries.OwnSuspensionAsync(ct) is { } notice ? Results.Ok(notice) : Results.NoContent())
            .WithSummary("本单位暂停状态 The caller's supplier's running suspension (204 when none)");
        return api;
    }
}
