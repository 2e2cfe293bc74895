using System.Globalization;
using System.Text;
using AfterSales.Web.Http;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Assets;

/// <summary>One column of the installed-base import: the field it fills, its Chinese header and whether it must be there.</summary>
public sealed record ImportColumn(string Field, string Header, bool Required, string Example);

/// <summary>One data row of an import file: its row number as the spreadsheet shows it (header = row 1) and its cells by field.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Cells);

/// <summary>
/// Reads a bulk-import file of the installed base (R-BLK-1): CSV in UTF-8 or GB18030 (what Excel in China saves as
/// "CSV"), or xlsx. Headers may be the Chinese labels of the template or the API field names, in any order.
/// </summary>
public static class AssetImportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("serial", "设备编号", true, "EQ-9001"),
        new("orderNumber", "订单编号", true, "PO-2026-0001"),
        new("lineNo", "订单行号", true, "1"),
        new("quantity", "数量", false, "1"),
        new("siteCity", "安装城市", true, "苏州"),
        new("siteAddress", "安装地址", true, "苏州工业园区星湖街 328 号"),
        new("batch", "批次", false, "B2026-11"),
        new("soldOn", "销售日期", false, "2026-11-01"),
    ];

    public static string HeaderOf(string field) => Columns.FirstOrDefault(c => c.Field == field)?.Header ?? field;

    static AssetImportFile()
    {
        // GB18030 (code page 54936) lives in the code-pages provider, not in .NET's built-in encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <summary>The template: the header row and one example row, as CSV (UTF-8 with BOM so Excel opens it right) or xlsx.</summary>
    public static byte[] Template(bool xlsx)
    {
        if (xlsx)
        {
            var row = new Dictionary<string, object>();
            foreach (var column in Columns)
            {
                row[column.Header] = column.Example;
            }

            using var stream = new MemoryStream();
            stream.SaveAs(new[] { row }, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }

        var text = string.Join(",", Columns.Select(c => c.Header)) + "\r\n" + string.Join(",", Columns.Select(c => Quote(c.Example))) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>
    /// The rows of the file. Errors of the file as a whole (unreadable, no header, a required column missing) are
    /// reported against row 1. Blank rows are skipped but keep their number, so a row named in an error is the row the
    /// user sees in Excel.
    /// </summary>
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(byte[] content, string? fileName)
    {
        if (content.Length == 0)
        {
            return ([], [new ImportRowError(1, "file", "文件", "文件为空。")]);
        }

        List<string?[]> table;
        try
        {
            table = IsXlsx(content, fileName) ? ReadXlsx(content) : ReadCsv(DecodeText(content));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or NotSupportedException or IOException)
        {
            return ([], [new ImportRowError(1, "file", "文件", "无法读取文件，请使用模板保存为 CSV（UTF-8 或 GB18030）或 xlsx。")]);
        }

        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            return ([], [new ImportRowError(1, "file", "文件", "第 1 行须为表头（可下载模板）。")]);
        }

        var header = table[0];
        var positions = new Dictionary<string, int>();
        var errors = new List<ImportRowError>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i]?.Trim();
            var column = Columns.FirstOrDefault(c => string.Equals(c.Header, name, StringComparison.Ordinal) || string.Equals(c.Field, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                continue;
            }

            if (!positions.TryAdd(column.Field, i))
            {
                errors.Add(new ImportRowError(1, column.Field, column.Header, $"表头“{column.Header}”出现了两次。"));
            }
        }

        foreach (var missing in Columns.Where(c => c.Required && !positions.ContainsKey(c.Field)))
        {
            errors.Add(new ImportRowError(1, missing.Field, missing.Header, $"缺少必填列“{missing.Header}”。"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<ImportRow>();
        for (var r = 1; r < table.Count; r++)
        {
            var cells = table[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new ImportRow(r + 1, positions.ToDictionary(p => p.Key, p => p.Value < cells.Length ? cells[p.Value]?.Trim() : null)));
        }

        if (rows.Count == 0)
        {
            return ([], [new ImportRowError(2, "file", "文件", "文件没有数据行。")]);
        }

        if (rows.Count > MaxRows)
        {
            return ([], [new ImportRowError(MaxRows + 2, "file", "文件", $"一次最多导入 {MaxRows} 行，请拆分文件。")]);
        }

        return (rows, []);
    }

    /// <summary>
    /// UTF-8 when the bytes are valid UTF-8 (with or without BOM); otherwise GB18030, the encoding Excel on a Chinese
    /// Windows writes "CSV" in. GB18030 decodes any byte sequence, so it is the fallback, never the first guess.
    /// </summary>
    public static string DecodeText(byte[] content)
    {
        var bom = Encoding.UTF8.GetPreamble();
        var start = content.AsSpan().StartsWith(bom) ? bom.Length : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(content);
        }
    }

    private static bool IsXlsx(byte[] content, string? fileName) =>
        (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ?? false) || (content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4);

    private static List<string?[]> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var table = new List<string?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            table.Add([.. row.Values.Select(Cell)]);
            if (table.Count > MaxRows + 2)
            {
                break;
            }
        }

        return table;
    }

    /// <summary>Excel stores numbers as doubles and dates as serials or DateTime; read them as the user typed them.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static List<string?[]> ReadCsv(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    if (rows.Count > MaxRows + 2)
                    {
                        return rows;
                    }

                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    internal static UploadRefused TooLarge() => new(StatusCodes.Status413PayloadTooLarge, $"导入文件不能超过 {MaxBytes / 1024 / 1024} MB。");
}

/// <summary>One refusal in an import file: the row as the spreadsheet numbers it, the column (field and header) and why, in Chinese.</summary>
public sealed record ImportRowError(int Row, string Field, string Column, string Message);
