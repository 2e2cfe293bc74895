namespace AfterSales.Web.Resources;

/// <summary>Marker for the warranty pages' texts (R-WTY-1..7, R-JDG-2): WarrantyText.resx Chinese, WarrantyText.en.resx English.</summary>
public sealed class WarrantyText;
