using AfterSales.Domain.Common;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Invoices;

/// <summary>R-FEE-1: invoices of paid work, payments, and late-payment charges to the fen (issue 4 item 6).</summary>
public sealed class InvoiceTests
{
    private static readonly InvoiceTerms Preset000 = Terms(PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures);

    [Fact]
    public void The_seed_000_policy_charges_0_05_percent_a_day_with_the_product_defaults_for_tax_and_term()
    {
        Assert.Equal(13m, Preset000.TaxRatePercent);
        Assert.Equal(30, Preset000.PaymentTermDays);
        Assert.Equal(0.05m, Preset000.LatePaymentPercentPerDay);
        Assert.Null(PolicyPresets.Get(PolicyPresets.FurnishingSupplier).Figures.LatePaymentPercentPerDay);
    }

    [Fact]
    public void An_accepted_paid_request_is_invoiced_with_its_quote_lines_split_into_net_and_tax_to_the_fen()
    {
        var invoice = Issue(PaidAndAccepted());

        Assert.Equal("INV-2026-000001", invoice.Number);
        Assert.Equal(2, invoice.Lines.Count);
        // 2,000.00 incl. 13 % VAT: net 2000 / 1.13 = 1,769.9115 → 1,769.91, tax 230.09; 800.00: net 707.96, tax 92.04.
        Assert.Equal(Money.Money.Yuan(1769.91m), invoice.Lines[0].NetAmount);
        Assert.Equal(Money.Money.Yuan(230.09m), invoice.Lines[0].Tax);
        Assert.Equal(Money.Money.Yuan(707.96m), invoice.Lines[1].NetAmount);
        Assert.Equal(Money.Money.Yuan(92.04m), invoice.Lines[1].Tax);
        Assert.Equal(Money.Money.Yuan(2477.87m), invoice.NetAmount);
        Assert.Equal(Money.Money.Yuan(322.13m), invoice.TaxAmount);
        Assert.Equal(Money.Money.Yuan(2800m), invoice.Total);
        Assert.Equal(InvoiceStatus.Unpaid, invoice.Status);
    }

    [Fact]
    public void The_due_date_is_the_acceptance_date_in_Shanghai_plus_the_payment_term()
    {
        // Accepted at 2026-11-23 17:30 UTC, already 2026-11-24 01:30 in Shanghai.
        var scenario = PaidAndAccepted(acceptAt: new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero));
        var invoice = Issue(scenario);

        Assert.Equal(new DateOnly(2026, 12, 24), invoice.DueDate);
        Assert.Equal(InvoiceStatus.Unpaid, invoice.StatusOn(new DateOnly(2026, 12, 24)));
        Assert.Equal(InvoiceStatus.Overdue, invoice.StatusOn(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Only_a_confirmed_quote_with_accepted_work_is_invoiced()
    {
        var inWarranty = RequestScenario.In(ServiceRequestStatus.Accepted);
        Assert.False(Invoice.NeedsInvoice(inWarranty.Request));
        Assert.Throws<WorkflowRuleViolation>(() => Invoice.Issue(Guid.NewGuid(), "INV-2026-000001", inWarranty.Request, Preset000, inWarranty.Now));
    }

    [Fact]
    public void Payments_part_and_whole_move_the_status_and_over_payment_is_refused()
    {
        var invoice = Issue(PaidAndAccepted());
        var now = RequestScenario.Start.AddDays(2);

        invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1000.55m), "银行转账", "HX-001", "赵丽", now);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.Equal(Money.Money.Yuan(1799.45m), invoice.Outstanding);

        var refused = Assert.Throws<WorkflowRuleViolation>(() => invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1799.46m), null, null, "赵丽", now));
        Assert.Equal("R-FEE-1", refused.RuleId);
        Assert.Throws<InvalidInput>(() => invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(0.001m), null, null, "赵丽", now));
        Assert.Throws<InvalidInput>(() => invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(0m), null, null, "赵丽", now));
        Assert.Single(invoice.Payments);

        invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1799.45m), null, null, "赵丽", now);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(Money.Money.Zero(), invoice.Outstanding);
        Assert.Throws<TransitionRefused>(() => invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(0.01m), null, null, "赵丽", now));
    }

    [Fact]
    public void Void_needs_a_reason_and_no_payments()
    {
        var invoice = Issue(PaidAndAccepted());
        Assert.Throws<InvalidInput>(() => invoice.Void(" ", "赵丽", RequestScenario.Start));
        invoice.Void("报价有误，重新开具", "赵丽", RequestScenario.Start);
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Equal(InvoiceStatus.Void, invoice.StatusOn(new DateOnly(2027, 6, 1)));
        Assert.Throws<TransitionRefused>(() => invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1m), null, null, "赵丽", RequestScenario.Start));

        var paid = Issue(PaidAndAccepted());
        paid.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1m), null, null, "赵丽", RequestScenario.Start);
        Assert.Throws<WorkflowRuleViolation>(() => paid.Void("作废", "赵丽", RequestScenario.Start));
    }

    [Fact]
    public void Each_overdue_day_is_charged_0_05_percent_of_what_was_outstanding_at_its_start_rounded_per_day()
    {
        var invoice = Issue(PaidAndAccepted());
        Assert.Equal(new DateOnly(2026, 12, 23), invoice.DueDate);
        Assert.Empty(LatePaymentCharges.Due(invoice, new DateOnly(2026, 12, 23), new HashSet<DateOnly>()));

        // Day 1 overdue: 2,800.00 × 0.05 % = 1.40. A payment of 1,000.55 that day lowers day 2's basis:
        // 1,799.45 × 0.05 % = 0.899725 → 0.90 (四舍五入).
        invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(1000.55m), null, null, "赵丽", ServiceZone.At(new DateOnly(2026, 12, 24), new TimeOnly(10, 0)));
        var charges = LatePaymentCharges.Due(invoice, new DateOnly(2026, 12, 25), new HashSet<DateOnly>());

        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)], charges.Select(c => c.ChargeDate));
        Assert.Equal([Money.Money.Yuan(1.40m), Money.Money.Yuan(0.90m)], charges.Select(c => c.Amount));
        Assert.Equal(Money.Money.Yuan(1799.45m), charges[1].Basis);
    }

    [Fact]
    public void Days_already_charged_are_not_charged_again_and_a_paid_invoice_stops_accruing()
    {
        var invoice = Issue(PaidAndAccepted());
        var charged = new HashSet<DateOnly> { new(2026, 12, 24) };

        Assert.Equal([new DateOnly(2026, 12, 25)], LatePaymentCharges.Due(invoice, new DateOnly(2026, 12, 25), charged).Select(c => c.ChargeDate));

        invoice.RecordPayment(Guid.NewGuid(), Money.Money.Yuan(2800m), null, null, "赵丽", ServiceZone.At(new DateOnly(2026, 12, 26), new TimeOnly(9, 0)));
        var after = LatePaymentCharges.Due(invoice, new DateOnly(2027, 1, 31), charged);
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)], after.Select(c => c.ChargeDate));
    }

    [Fact]
    public void A_policy_without_a_late_payment_figure_charges_nothing()
    {
        var invoice = Invoice.Issue(Guid.NewGuid(), "INV-2026-000009", PaidAndAccepted().Request, Preset000 with { LatePaymentPercentPerDay = null }, RequestScenario.Start);
        Assert.Empty(LatePaymentCharges.Due(invoice, new DateOnly(2027, 6, 1), new HashSet<DateOnly>()));
    }

    [Fact]
    public void A_waiver_is_a_reversing_line_of_the_negative_amount_and_the_charge_is_unchanged()
    {
        var invoice = Issue(PaidAndAccepted());
        var charge = LatePaymentCharges.Due(invoice, new DateOnly(2026, 12, 24), new HashSet<DateOnly>()).Single();
        var line = LedgerEntry.ForLatePayment(Guid.NewGuid(), invoice, charge, RequestScenario.Start);

        var reversal = line.ReverseLatePayment(Guid.NewGuid(), "客户已说明系银行系统故障", "王敏", RequestScenario.Start);

        Assert.Equal(LedgerEntryKind.LatePaymentChargeReversal, reversal.Kind);
        Assert.Equal(Money.Money.Yuan(-1.40m), reversal.Amount);
        Assert.Equal(line.Id, reversal.ReversesEntryId);
        Assert.Equal(Money.Money.Yuan(1.40m), line.Amount);
        Assert.False(line.IsWaived);
        Assert.Equal(RequestScenario.CustomerOrg, line.OrganizationId);
        Assert.Equal(RequestScenario.SupplierOrg, line.CounterpartyOrganizationId);
        Assert.Throws<InvalidInput>(() => line.ReverseLatePayment(Guid.NewGuid(), "", "王敏", RequestScenario.Start));
        Assert.Throws<WorkflowRuleViolation>(() => reversal.ReverseLatePayment(Guid.NewGuid(), "再冲销", "王敏", RequestScenario.Start));
    }

    internal static InvoiceTerms Terms(PolicyFigures figures) => new(figures.InvoiceTaxRatePercent, figures.PaymentTermDays, figures.LatePaymentPercentPerDay);

    private static Invoice Issue(RequestScenario scenario) => Invoice.Issue(Guid.NewGuid(), "INV-2026-000001", scenario.Request, Preset000, scenario.Now);

    private static RequestScenario PaidAndAccepted(DateTimeOffset? acceptAt = null)
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.UnderAssessment);
        scenario.JudgePaid();
        scenario.Request.AcceptQuote(RequestScenario.Customer, scenario.Now, scenario.Rules);
        scenario.Request.StartService(RequestScenario.Engineer, null, scenario.Now, scenario.Rules);
        scenario.Complete();
        if (acceptAt is { } at)
        {
            scenario.Advance(at - scenario.Now);
        }

        scenario.Request.Accept(RequestScenario.Customer, new ServiceRating(5, 5, 5), null, scenario.Now, scenario.Rules);
        return scenario;
    }
}
