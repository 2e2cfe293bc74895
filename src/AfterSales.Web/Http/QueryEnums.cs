using System.Text.Json;
using AfterSales.Domain.Common;

namespace AfterSales.Web.Http;

/// <summary>
/// Enum values in query strings as the API writes them in JSON: camelCase (API.md), read case-insensitively.
/// Minimal APIs bind enum query parameters with a case-sensitive <c>Enum.TryParse</c>, which refuses
/// <c>?sort=nearestDeadline</c>; endpoints take such parameters as strings and parse them here (400 naming the field).
/// </summary>
public static class QueryEnums
{
    public static T? Parse<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var choices = string.Join("、", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw new InvalidInput(field, $"{field} 的值 {text} 无效，可选：{choices}。");
    }

    public static IReadOnlyList<T>? ParseAll<T>(string[]? values, string field)
        where T : struct, Enum =>
        values is null || values.Length == 0
            ? null
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => Parse<T>(v, field)!.Value)];
}
