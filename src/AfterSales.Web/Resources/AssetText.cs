namespace AfterSales.Web.Resources;

/// <summary>Marker for the installed-base import and device archive texts (R-AST-1, R-BLK-1): AssetText.resx Chinese, AssetText.en.resx English.</summary>
public sealed class AssetText;
