namespace AfterSales.Web.Resources;

/// <summary>Marker for the audit page's strings: AuditText.resx (Chinese, default) and AuditText.en.resx.</summary>
public sealed class AuditText;
