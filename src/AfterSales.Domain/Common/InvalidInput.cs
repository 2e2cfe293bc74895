namespace AfterSales.Domain.Common;

/// <summary>
/// Input that has the wrong shape for the business (400 in the API, naming the field).
/// Business rules that refuse well-formed input throw <see cref="WorkflowRuleViolation"/> instead.
/// </summary>
public sealed class InvalidInput(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    public static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new InvalidInput(field, message);
        }
    }

    public static string Text(string? value, string field, string label, int maxLength)
    {
        Require(!string.IsNullOrWhiteSpace(value), field, $"{label}不能为空。");
        var trimmed = value!.Trim();
        Require(trimmed.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字符。");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        Require(trimmed.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字符。");
        return trimmed;
    }
}
