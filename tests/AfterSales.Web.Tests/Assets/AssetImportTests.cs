using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using MiniExcelLibs;
using Xunit;

namespace AfterSales.Web.Tests.Assets;

/// <summary>批量导入设备 (R-BLK-1): CSV in UTF-8 and GB18030, xlsx, dry run, all-or-nothing with a row-by-row report, the template.</summary>
public sealed class AssetImportTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Header = "设备编号,订单编号,订单行号,数量,安装城市,安装地址,批次,销售日期";

    private readonly OrderCalls _orders = new(app);

    [Fact]
    public async Task A_UTF8_csv_registers_serial_and_quantity_lines_with_their_sites()
    {
        await _orders.PlaceAsync("PO-2026-3201", OrderCalls.Line("PLC-200", 2), OrderCalls.Line("TS-10", 10, "180.00"));
        var csv = $"{Header}\r\nEQ-3201,PO-2026-3201,1,,苏州,\"苏州工业园区星湖街 328 号, 5 号厂房\",B2026-11,\r\nEQ-3202,PO-2026-3201,1,1,苏州,园区 5 号厂房,,\r\nTS-3201,PO-2026-3201,2,10,无锡,无锡新区长江路 7 号,T2026-11,\r\n";

        var result = await (await ImportAsync(Encoding.UTF8.GetBytes(csv), "assets.csv")).ReadAsync<ImportAssets.Result>(HttpStatusCode.Created);

        Assert.False(result.DryRun);
        Assert.Equal(3, result.Rows);
        Assert.Equal(12, result.Units);
        var agent = await App.ClientForAsync("supplier.agent");
        var first = await agent.GetAsync<AssetView>("/api/v1/assets/EQ-3201");
        Assert.Equal("苏州工业园区星湖街 328 号, 5 号厂房", first.SiteAddress);
        Assert.Equal("B2026-11", first.Batch);
        var sensors = await agent.GetAsync<AssetView>("/api/v1/assets/TS-3201");
        Assert.Equal((10, "无锡", "T2026-11"), (sensors.Quantity, sensors.SiteCity, sensors.Batch));
    }

    [Fact]
    public async Task A_GB18030_csv_as_Excel_in_China_saves_it_reads_the_Chinese_right()
    {
        await _orders.PlaceAsync("PO-2026-3202", OrderCalls.Line("PLC-200", 1));
        var csv = $"{Header}\r\nEQ-3203,PO-2026-3202,1,,宁波,宁波市北仑区大港路 66 号,,\r\n";

        var result = await (await ImportAsync(AssetImportFile.Gb18030.GetBytes(csv), "设备.csv")).ReadAsync<ImportAssets.Result>(HttpStatusCode.Created);

        Assert.Equal(1, result.Rows);
        var asset = await (await App.ClientForAsync("supplier.agent")).GetAsync<AssetView>("/api/v1/assets/EQ-3203");
        Assert.Equal(("宁波", "宁波市北仑区大港路 66 号"), (asset.SiteCity, asset.SiteAddress));
    }

    [Fact]
    public async Task An_xlsx_file_imports_like_a_csv()
    {
        await _orders.PlaceAsync("PO-2026-3203", OrderCalls.Line("PLC-200", 2));
        var rows = new[]
        {
            new Dictionary<string, object> { ["设备编号"] = "EQ-3204", ["订单编号"] = "PO-2026-3203", ["订单行号"] = 1, ["安装城市"] = "常州", ["安装地址"] = "常州市武进区 8 号" },
            new Dictionary<string, object> { ["设备编号"] = "EQ-3205", ["订单编号"] = "PO-2026-3203", ["订单行号"] = 1, ["安装城市"] = "常州", ["安装地址"] = "常州市武进区 9 号" },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);

        var result = await (await ImportAsync(stream.ToArray(), "设备.xlsx")).ReadAsync<ImportAssets.Result>(HttpStatusCode.Created);

        Assert.Equal(["EQ-3204", "EQ-3205"], result.Assets.Select(a => a.Serial));
        Assert.Equal("常州市武进区 9 号", (await (await App.ClientForAsync("supplier.agent")).GetAsync<AssetView>("/api/v1/assets/EQ-3205")).SiteAddress);
    }

    [Fact]
    public async Task A_dry_run_previews_the_rows_and_changes_nothing()
    {
        await _orders.PlaceAsync("PO-2026-3204", OrderCalls.Line("PLC-200", 2));
        var csv = $"{Header}\r\nEQ-3206,PO-2026-3204,1,,苏州,园区,,\r\nEQ-3207,PO-2026-3204,1,,苏州,园区,,\r\n";
        var agent = await App.ClientForAsync("supplier.agent");

        var preview = await (await ImportAsync(Encoding.UTF8.GetBytes(csv), "a.csv", dryRun: true)).ReadAsync<ImportAssets.Result>();

        Assert.True(preview.DryRun);
        Assert.Equal([2, 3], preview.Assets.Select(a => a.Row));
        Assert.Equal("PLC-200", preview.Assets[0].ProductModel);
        await (await agent.GetAsync("/api/v1/assets/EQ-3206", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var listed = await agent.GetAsync<AfterSales.Web.Http.Page<AssetView>>("/api/v1/assets?orderNumber=PO-2026-3204");
        Assert.Empty(listed.Items);

        // The same file for real afterwards: the dry run left the line's units free.
        await (await ImportAsync(Encoding.UTF8.GetBytes(csv), "a.csv")).ReadAsync<ImportAssets.Result>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task One_bad_row_refuses_the_whole_file_and_the_report_names_its_row_and_column()
    {
        await _orders.PlaceAsync("PO-2026-3205", OrderCalls.Line("PLC-200", 3));
        var csv = $"{Header}\r\nEQ-3208,PO-2026-3205,1,,苏州,园区,,\r\n\r\nEQ-3209,PO-2026-3205,9,,苏州,园区,,\r\nEQ-3208,PO-2026-3205,1,,,园区,,\r\nEQ-0001,PO-2026-3205,1,,苏州,园区,,\r\n";
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await ImportAsync(Encoding.UTF8.GetBytes(csv), "bad.csv")).ProblemAsync(HttpStatusCode.BadRequest);

        var report = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((4, "lineNo", "订单行号"), report);
        Assert.Contains((5, "siteCity", "安装城市"), report);
        Assert.Contains((6, "serial", "设备编号"), report);
        Assert.DoesNotContain(report, r => r.Item1 == 2);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[4].lineNo", out var message));
        Assert.Contains("第 9 行", message[0].GetString(), StringComparison.Ordinal);
        await (await agent.GetAsync("/api/v1/assets/EQ-3208", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_template_round_trips_csv_and_has_the_same_headers_as_xlsx()
    {
        await _orders.PlaceAsync("PO-2026-3206", OrderCalls.Line("PLC-200", 1));
        var agent = await App.ClientForAsync("supplier.agent");

        var template = await agent.GetByteArrayAsync("/api/v1/assets/import/template", Ct);
        var lines = AssetImportFile.DecodeText(template).Split("\r\n");
        Assert.Equal(Header, lines[0]);
        var filled = string.Join("\r\n", lines[0], "EQ-3210,PO-2026-3206,1,1,苏州,园区 6 号厂房,B2026-11,") + "\r\n";
        await (await ImportAsync(Encoding.UTF8.GetBytes(filled), "模板.csv")).ReadAsync<ImportAssets.Result>(HttpStatusCode.Created);

        var xlsx = await agent.GetByteArrayAsync("/api/v1/assets/import/template?format=xlsx", Ct);
        using var stream = new MemoryStream(xlsx);
        var headers = ((IDictionary<string, object?>)stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).First()).Keys;
        Assert.Equal(Header.Split(','), headers);
    }

    [Fact]
    public async Task Another_suppliers_order_is_a_row_error_and_a_customer_may_not_import()
    {
        var csv = Encoding.UTF8.GetBytes($"{Header}\r\nMT-3201,PO-2026-0001,1,,苏州,园区,,\r\n");

        var problem = await (await ImportAsync(csv, "x.csv", user: "supplier2.agent")).ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal((2, "orderNumber"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));

        await (await ImportAsync(csv, "x.csv", user: "customer")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, bool dryRun = false, string user = "supplier.agent")
    {
        var client = await App.ClientForAsync(user);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/assets/import{(dryRun ? "?dryRun=true" : string.Empty)}", form, Ct);
    }
}
