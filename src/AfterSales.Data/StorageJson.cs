using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Data;

/// <summary>
/// JSON for values stored whole in one column (judgement, quote, policy figures): camelCase,
/// enums by name, money with its amount as a decimal string — the same shapes the API shows.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new MoneyJsonConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>Stores a property as a JSON text column, compared by content.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            v => Serialize(v),
            v => Deserialize<T>(v),
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                v => v == null ? 0 : Serialize(v).GetHashCode(StringComparison.Ordinal),
                v => Deserialize<T>(Serialize(v))));
        return property;
    }
}

/// <summary><c>{ "amount": "2000.00", "currency": "CNY" }</c> — amount as a string, never a float (API.md).</summary>
public sealed class MoneyJsonConverter : JsonConverter<Domain.Money.Money>
{
    public override Domain.Money.Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be an object with amount and currency.");
        }

        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.TokenType switch
                {
                    JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    JsonTokenType.Number => reader.GetDecimal(),
                    _ => throw new JsonException("amount must be a decimal string such as \"2000.00\"."),
                };
            }
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (amount is null)
        {
            throw new JsonException("amount is required.");
        }

        currency = string.IsNullOrWhiteSpace(currency) ? Domain.Money.Money.Cny : currency.Trim().ToUpperInvariant();
        if (currency.Length != 3)
        {
            throw new JsonException("currency must be an ISO 4217 code such as CNY.");
        }

        return new Domain.Money.Money(amount.Value, currency);
    }

    public override void Write(Utf8JsonWriter writer, Domain.Money.Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.AmountText);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}
