using System.Globalization;
using AfterSales.Domain.Common;

namespace AfterSales.Web.Http;

/// <summary>
/// Query-string values the list endpoints share (penalties, ledger, invoices, complaints): a yes/no flag and an
/// instant with its offset. A value that does not parse is a 400 naming the parameter (API.md), never ignored.
/// </summary>
public static class QueryValues
{
    public static bool? Flag(string? text, string parameter) =>
        string.IsNullOrWhiteSpace(text) ? null
        : bool.TryParse(text.Trim(), out var value) ? value
        : throw new InvalidInput(parameter, $"「{text}」不是有效的取值，可选：true、false。");

    public static DateTimeOffset? Instant(string? text, string parameter) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && HasOffset(text) ? value
        : throw new InvalidInput(parameter, "时间须为带时区偏移的 ISO-8601 格式，例如 2026-11-23T09:30:00+08:00（在查询串中 + 写作 %2B）。");

    // An instant without an offset would be read in the server's zone; the API takes instants only (API.md).
    private static bool HasOffset(string text)
    {
        var trimmed = text.Trim();
        var time = trimmed.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && (trimmed.EndsWith('Z') || trimmed.IndexOf('+', time) > 0 || trimmed.IndexOf('-', time) > 0);
    }
}
