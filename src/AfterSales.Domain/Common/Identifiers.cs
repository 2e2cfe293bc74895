using System.Text.RegularExpressions;

namespace AfterSales.Domain.Common;

/// <summary>
/// Business identifiers that appear in addresses (<c>/orders/{number}</c>, <c>/assets/{serial}</c>): letters, digits,
/// dot, hyphen and underscore, starting with a letter or digit, so a number never needs escaping in a link.
/// </summary>
public static partial class Identifiers
{
    public static string Require(string? value, string field, string label, int maxLength)
    {
        var text = InvalidInput.Text(value, field, label, maxLength);
        InvalidInput.Require(Pattern().IsMatch(text), field, $"{label}只能包含字母、数字、点、连字符和下划线，且以字母或数字开头。");
        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
