using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Domain.Policies;
using AfterSales.Web.Http;

namespace AfterSales.Web.Features.Platform.Pages;

/// <summary>How the platform pages name presets and roles in the user's language (R-X-2) and which form field a refusal names.</summary>
public static class ConsoleDisplay
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The field a refusal names (400 input, 409 duplicate), to show the message under that field.</summary>
    public static string? FieldOf(Exception exception) => exception switch
    {
        InvalidInput e => e.Field,
        DuplicateRecord e => e.Field,
        _ => null,
    };

    public static string PresetName(string? key)
    {
        var preset = PolicyPresets.All.FirstOrDefault(p => p.Key == key);
        return preset is null ? key ?? string.Empty : IsChinese ? preset.NameZh : preset.NameEn;
    }

    public static string RoleName(RoleView role) => IsChinese ? role.DisplayZh : role.DisplayEn;
}
