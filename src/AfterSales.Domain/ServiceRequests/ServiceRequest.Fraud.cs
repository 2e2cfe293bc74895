using AfterSales.Domain.CustomerSanctions;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>Customer abuse controls (R-FRD-1): the request ruled a fake quality claim says so on its timeline, and so does a reversal.</summary>
public sealed partial class ServiceRequest
{
    /// <summary>Records the platform's ruling (the sanction decides who may rule); the status does not change.</summary>
    public void RecordFraudRuling(CustomerSanction sanction, Actor by, DateTimeOffset now)
    {
        EnsureSanctionOfThisRequest(sanction);
        Record(by, "ruledFraudulent", null, null, sanction.TimelineNote, now);
    }

    /// <summary>Records a platform admin's reversal of the ruling.</summary>
    public void RecordFraudRulingRevoked(CustomerSanction sanction, Actor by, DateTimeOffset now)
    {
        EnsureSanctionOfThisRequest(sanction);
        Record(by, "fraudRulingRevoked", null, null, $"虚假索赔判定已撤销：{sanction.RevocationReason}", now);
    }

    private void EnsureSanctionOfThisRequest(CustomerSanction sanction)
    {
        if (sanction.ServiceRequestId != Id)
        {
            throw new InvalidOperationException($"Sanction {sanction.Id} is not about request {Number}.");
        }
    }
}
