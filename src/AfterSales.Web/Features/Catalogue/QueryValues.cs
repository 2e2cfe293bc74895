using AfterSales.Domain.Common;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// Enum filters in query strings read as the JSON writes them (camelCase, API.md) — <c>?status=placed</c>,
/// <c>?kind=supplier</c> — and a value that is no member is a 400 naming the parameter.
/// </summary>
internal static class QueryValues
{
    public static T? Enum<T>(string? value, string field)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return !int.TryParse(text, out _) && System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidInput(field, $"{field} 的取值无效：{text}。");
    }
}
