using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using MoneyValue = AfterSales.Domain.Money.Money;

namespace AfterSales.Web.Features.ServiceRequests.Pages.Detail;

/// <summary>The service plan being written in the judge dialog (R-JDG-2): mode, time, staff, steps.</summary>
public sealed class PlanDraft
{
    public const string LocalTimeFormat = "yyyy-MM-ddTHH:mm";

    public ServiceMode Mode { get; set; }

    /// <summary>Local Asia/Shanghai time as a datetime-local input writes it (yyyy-MM-ddTHH:mm), or empty.</summary>
    public string? ScheduledAt { get; set; }

    public List<string> Staff { get; } = [];

    /// <summary>The name typed but not yet added; counted on submit so a typed name is never lost.</summary>
    public string? NewStaff { get; set; }

    public string? Steps { get; set; }

    public void AddStaff()
    {
        var name = NewStaff?.Trim();
        if (!string.IsNullOrEmpty(name) && !Staff.Contains(name, StringComparer.Ordinal))
        {
            Staff.Add(name);
        }

        NewStaff = null;
    }

    public JudgeResponsibility.PlanInput ToInput()
    {
        AddStaff();
        return new JudgeResponsibility.PlanInput(Mode, ParseScheduledAt(), [.. Staff], Steps);
    }

    private DateTimeOffset? ParseScheduledAt()
    {
        if (string.IsNullOrWhiteSpace(ScheduledAt))
        {
            return null;
        }

        // Browsers write datetime-local with or without seconds.
        if (!DateTime.TryParseExact(ScheduledAt, [LocalTimeFormat, LocalTimeFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new InvalidInput("plan.scheduledAt", "计划服务时间格式不正确。");
        }

        return ServiceZone.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}

/// <summary>One line of the quote being written: the line total follows quantity × unit price, rounded 四舍五入 to the fen.</summary>
public sealed class QuoteLineDraft
{
    public QuoteLineKind Kind { get; set; } = QuoteLineKind.Labour;

    public string? Description { get; set; }

    public decimal Quantity { get; set; } = 1m;

    public decimal UnitPrice { get; set; }

    /// <summary>The price-list item code the line came from, if any.</summary>
    public string? Code { get; set; }

    /// <summary>Quotes feature (R-QUO-2): the item the line is priced from, and the band its price must stay in.</summary>
    public Guid? PriceListItemId { get; set; }

    public MoneyValue? MinPrice { get; set; }

    public MoneyValue? MaxPrice { get; set; }

    public bool OutsideBand => MinPrice is { } min && MaxPrice is { } max && (UnitPrice < min.Amount || UnitPrice > max.Amount);

    public MoneyValue LineTotal => MoneyValue.Yuan(UnitPrice).Times(Quantity);
}

/// <summary>The itemised paid quote being written (R-QUO-1, R-QUO-4): lines in CNY, parts lead time, payment terms.</summary>
public sealed class QuoteDraft
{
    public List<QuoteLineDraft> Lines { get; } = [];

    public int? PartsLeadTimeDays { get; set; }

    public string? PaymentTerms { get; set; }

    /// <summary>报价有效期 as a date input writes it (yyyy-MM-dd), or empty (quotes feature).</summary>
    public string? ValidUntil { get; set; }

    public MoneyValue Total => MoneyValue.Sum(Lines.Select(l => l.LineTotal));

    /// <summary>Adds a price-list item as a line; the quote's lead time becomes the longest of its parts (R-QUO-4).</summary>
    public void Add(Catalogue.PriceListItemView item)
    {
        Lines.Add(new QuoteLineDraft
        {
            Kind = item.Kind,
            Description = item.Name,
            Quantity = 1m,
            UnitPrice = item.UnitPrice.Amount,
            Code = item.Code,
            PriceListItemId = item.Id,
            MinPrice = item.MinPrice,
            MaxPrice = item.MaxPrice,
        });
        if (item.LeadTimeDays is { } days && (PartsLeadTimeDays is null || days > PartsLeadTimeDays))
        {
            PartsLeadTimeDays = days;
        }
    }

    public JudgeResponsibility.QuoteInput ToInput() => new(
        [.. Lines.Select(l => new JudgeResponsibility.QuoteLineInput(l.Kind, l.Description, l.Quantity, MoneyValue.Yuan(l.UnitPrice), l.PriceListItemId))],
        MoneyValue.Cny,
        PartsLeadTimeDays,
        PaymentTerms,
        string.IsNullOrWhiteSpace(ValidUntil) ? null
            : DateOnly.TryParseExact(ValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until
            : throw new InvalidInput("quote.validUntil", "报价有效期格式不正确。"));
}
