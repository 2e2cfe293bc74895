using System.Globalization;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Warranty.Pages;

/// <summary>Labels of the warranty vocabulary in the reader's language.</summary>
public static class WarrantyLabels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Exclusion(WarrantyExclusion code)
    {
        var info = WarrantyExclusions.Of(code);
        return English ? info.LabelEn : info.LabelZh;
    }

    public static string Source(this IStringLocalizer<WarrantyText> w, WarrantyTermSource? source) => source is { } s ? w[$"Source.{s}"] : "—";

    public static string Ground(this IStringLocalizer<WarrantyText> w, FreeServiceGround ground) => w[$"Ground.{ground}"];

    public static string StatusName(WarrantyStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
