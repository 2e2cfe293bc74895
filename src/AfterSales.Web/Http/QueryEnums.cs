using System.Reflection;
using AfterSales.Domain.Common;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace AfterSales.Web.Http;

/// <summary>
/// Enum filters in the query string take the API's camelCase values (API.md: <c>?status=pendingReceipt</c>,
/// <c>?state=breached</c>), the ones the OpenAPI document lists. Minimal APIs bind enums with a case-sensitive
/// <c>Enum.TryParse</c> that knows only the C# member names (dotnet/aspnetcore#52497), so those values were refused.
/// This maps each value of an enum-typed <c>[FromQuery]</c> parameter to its member before binding, and refuses a
/// value that is no member (numbers included) as 400 naming the parameter.
/// </summary>
public sealed class QueryEnums(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var parameters = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>();
        if (parameters is not { Count: > 0 } || context.Request.Query.Count == 0)
        {
            return next(context);
        }

        Dictionary<string, StringValues>? query = null;
        foreach (var parameter in parameters)
        {
            var enumType = EnumTypeOf(parameter.ParameterInfo.ParameterType);
            var fromQuery = parameter.ParameterInfo.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault();
            if (enumType is null || fromQuery is null)
            {
                continue;
            }

            var name = fromQuery.Name ?? parameter.ParameterInfo.Name ?? parameter.Name;
            if (!context.Request.Query.TryGetValue(name, out var values))
            {
                continue;
            }

            query ??= context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
            // A list filter may repeat the parameter or comma-separate its values (?status=planned,inService).
            var items = parameter.ParameterInfo.ParameterType.IsArray
                ? values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                : values.AsEnumerable();
            query[name] = new StringValues([.. items.Select(value => ToMemberName(enumType, value, name))]);
        }

        if (query is not null)
        {
            context.Request.Query = new QueryCollection(query);
        }

        return next(context);
    }

    private static Type? EnumTypeOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum ? element : null;
    }

    private static string? ToMemberName(Type enumType, string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var names = Enum.GetNames(enumType);
        return names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInput(parameter, $"「{value}」不是有效的取值，可选：{string.Join("、", names.Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}。");
    }
}
