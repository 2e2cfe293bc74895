namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the orders, assets and catalogue pages' strings: CatalogueText.resx holds Simplified Chinese (the default),
/// CatalogueText.en.resx English (R-X-2).
/// </summary>
public sealed class CatalogueText;
