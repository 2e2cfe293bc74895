using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Data;
using AfterSales.Domain.Common;

namespace AfterSales.Web.Http;

/// <summary>
/// The API's JSON conventions (API.md): camelCase, enums as camelCase strings, money with a decimal-string
/// amount, instants with their offset in the service zone (e.g. +08:00).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new ServiceZoneInstantConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>Writes instants in Asia/Shanghai; reads any ISO-8601 instant with an offset.</summary>
    private sealed class ServiceZoneInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (text is null || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value))
            {
                throw new JsonException("时间须为带时区偏移的 ISO-8601 格式，例如 2026-11-23T09:30:00+08:00。");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ServiceZone.ToLocal(value).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
    }
}
