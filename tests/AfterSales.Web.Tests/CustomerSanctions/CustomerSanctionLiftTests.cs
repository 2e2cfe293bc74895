using System.Net;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.CustomerSanctions;

/// <summary>
/// R-FRD-1: a suspension lifts by itself at midnight Asia/Shanghai on its end date — refused up to the last minute of the
/// day before, accepted from then on — and the expired ruling still counts when the customer is caught again.
/// </summary>
public sealed class CustomerSanctionLiftTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_suspension_lifts_on_its_end_date_and_a_later_proven_case_still_blacklists()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var platform = await App.ClientForAsync("platform");
        var sanction = await platform.RuleAsync(request.Id, request.Attachments[0].Id);
        Assert.Equal(new DateOnly(2027, 2, 23), sanction.EndsOn);

        // 2027-02-22 23:59 in Shanghai: still suspended.
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 22, 23, 59, 0, TimeSpan.FromHours(8)));
        var customer = await App.ClientForAsync("customer");
        var paid = RequestFlow.NewRequestBody(type: "paidRepair");
        var refusal = await (await customer.NewRequestAsync(paid)).NamesRuleAsync("R-FRD-1");
        Assert.Contains("暂停至 2027-02-23", refusal.GetProperty("detail").GetString());
        Assert.Single((await customer.SanctionsAsync("active=true")).Items);

        // A minute later it is the 23rd: the rights are back without anyone doing anything.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var filed = await (await customer.NewRequestAsync(paid)).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Empty((await customer.SanctionsAsync("active=true")).Items);
        Assert.Equal(CustomerSanctionState.Expired, Assert.Single((await customer.SanctionsAsync("active=false")).Items).State);

        // Caught again after the suspension ended: a repeat case, blacklisted.
        (await customer.UploadAsync(filed.Id.ToString(), Domain.ServiceRequests.AttachmentKind.Photo, SampleFiles.Jpeg, "故障照片.jpg")).EnsureSuccessStatusCode();
        platform = await App.ClientForAsync("platform"); // a fresh token on the moved clock
        var photo = (await platform.ViewAsync(filed.Id)).Attachments.Single().Id;
        var again = await platform.RuleAsync(filed.Id, photo);
        Assert.Equal((CustomerSanctionKind.Blacklist, CustomerSanctionBasis.RepeatCase), (again.Kind, again.Basis));
        await (await customer.NewRequestAsync(paid)).NamesRuleAsync("R-FRD-1");
    }
}
