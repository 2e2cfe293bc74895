using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Quotes.Pages;

/// <summary>How a decision's session reads on a page: channel, address, session (R-QUO-1).</summary>
public static class Sessions
{
    public static string Describe(IStringLocalizer<QuotesText> text, ClientSession session)
    {
        var parts = new List<string> { session.Channel == "api" ? text["Session.Api"] : text["Session.Web"] };
        if (session.IpAddress is { } ip)
        {
            parts.Add($"IP {ip}");
        }

        if (session.SessionId is { } id)
        {
            parts.Add(id);
        }

        return string.Join(" · ", parts);
    }
}
