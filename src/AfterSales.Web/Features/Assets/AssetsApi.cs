using AfterSales.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Assets;

/// <summary>Installed-base import, per-device archive and a product's installed base under <c>/api/v1</c> (R-AST-1, R-BLK-1).</summary>
public static class AssetsApi
{
    public static IServiceCollection AddAssetFeatures(this IServiceCollection services)
    {
        services.AddScoped<ImportAssets>();
        services.AddScoped<AssetArchiveQueries>();
        services.AddScoped<AssetProductionPeaks>();
        return services;
    }

    public static RouteGroupBuilder MapAssetsApi(this RouteGroupBuilder api)
    {
        var assets = api.MapGroup("/assets").WithTags("Assets 设备");

        assets.MapPost("/import", async (IFormFile? file, [FromQuery(Name = "dryRun")] bool? dryRun, ImportAssets useCase, CancellationToken ct) =>
        {
            InvalidInput.Require(file is not null, "file", "请选择要导入的文件（CSV 或 xlsx）。");
            if (file!.Length > AssetImportFile.MaxBytes)
            {
                throw AssetImportFile.TooLarge();
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            try
            {
                var result = await useCase.HandleAsync(buffer.ToArray(), file.FileName, dryRun ?? false, ct);
                return result.DryRun ? Results.Ok(result) : Results.Json(result, statusCode: StatusCodes.Status201Created);
            }
            catch (ImportRejected rejected)
            {
                return Results.Problem(Report(rejected));
            }
        })
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(AssetImportFile.MaxBytes + 64 * 1024))
        .WithSummary("批量导入设备 Import the installed base from CSV (UTF-8 or GB18030) or xlsx (R-BLK-1)")
        .WithDescription("Multipart field file. Supplier staff with assets.manage. ?dryRun=true checks every row and saves nothing. All or nothing: any bad row is 400 problem details whose rowErrors list each row (as numbered in the spreadsheet, header = 1), column and reason; nothing is saved.");

        assets.MapGet("/import/template", ([FromQuery(Name = "format")] string? format) =>
        {
            var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
            InvalidInput.Require(xlsx || format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase), "format", "模板格式可选 csv 或 xlsx。");
            return xlsx
                ? Results.File(AssetImportFile.Template(true), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "设备导入模板.xlsx")
                : Results.File(AssetImportFile.Template(false), "text/csv; charset=utf-8", "设备导入模板.csv");
        })
        .WithSummary("导入模板 The import template (?format=csv|xlsx), Chinese headers and one example row");

        assets.MapGet("/{serial}/history", async (string serial, AssetArchiveQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.HistoryAsync(serial, ct)))
            .WithSummary("设备档案 Every request, judgement, quote, work, part and revisit on the asset in time order, with repairs in the last 12 months (R-BLK-1)");

        assets.MapGet("/{serial}/production-peaks", async (string serial, AssetProductionPeaks useCase, CancellationToken ct) => TypedResults.Ok(await useCase.GetAsync(serial, ct)))
            .WithSummary("生产高峰时段 The site's daily production peaks, which remote windows avoid (R-EXE-1)");
        assets.MapPut("/{serial}/production-peaks", async (string serial, AssetProductionPeaks.Command command, AssetProductionPeaks useCase, CancellationToken ct) =>
                TypedResults.Ok(await useCase.SetAsync(serial, command, ct)))
            .WithSummary("设置生产高峰时段 Record the site's daily production peaks (R-EXE-1)")
            .WithDescription("Body { \"productionPeaks\": \"08:00-11:30, 13:30-17:00\" } (Asia/Shanghai wall-clock, every day); blank clears them. "
                + "The asset's customer, the supplier's dispatcher or the platform. A malformed or overlapping period is 400 naming productionPeaks.");

        api.MapGet("/products/{id:guid}/installed-base", async (Guid id, AssetArchiveQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.InstalledBaseAsync(id, ct)))
            .WithTags("Products 产品")
            .WithSummary("装机量 Where the product is installed, for its supplier (R-AST-1)");

        return api;
    }

    /// <summary>The import's row-by-row report as problem details: errors keyed rows[n].field for clients that read field errors, rowErrors for tables.</summary>
    private static ProblemDetails Report(ImportRejected rejected)
    {
        var errors = rejected.Errors.GroupBy(e => $"rows[{e.Row}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "导入文件有误 Import refused",
            Detail = rejected.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        problem.Extensions["rowErrors"] = rejected.Errors;
        return problem;
    }
}
