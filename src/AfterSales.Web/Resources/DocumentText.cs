namespace AfterSales.Web.Resources;

/// <summary>Marker for the printable documents' texts (R-ARC-3): DocumentText.resx Chinese, DocumentText.en.resx English.</summary>
public sealed class DocumentText;
