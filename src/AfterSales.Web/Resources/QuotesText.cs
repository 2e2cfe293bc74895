namespace AfterSales.Web.Resources;

/// <summary>Marker for the quotes and agreements texts (R-QUO-1..3, R-SEC-1): QuotesText.resx Chinese, QuotesText.en.resx English.</summary>
public sealed class QuotesText;
