namespace AfterSales.Domain.ServiceRequests;

/// <summary>Issue 4 invoices (R-FEE-1): what happens to a request's invoice is told on the request's timeline.</summary>
public sealed partial class ServiceRequest
{
    /// <summary>
    /// Records an invoice event (issued, payment, void, late-charge waiver) on the timeline; the status does not move.
    /// <paramref name="action"/> is one of invoiceIssued, invoicePayment, invoiceVoided, lateChargeWaived.
    /// </summary>
    public void NoteInvoice(Actor by, string action, string note, DateTimeOffset now) => Record(by, action, null, null, note, now);
}
