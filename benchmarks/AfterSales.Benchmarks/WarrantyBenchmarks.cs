using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Policies;
using AfterSales.Domain.Warranty;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// <see cref="WarrantyRules.Decide"/> (R-WTY-1, R-WTY-3), which every intake runs once: a directly sold asset under
/// the B2B-platform preset, and a dealer-sold one under the machinery-dealer preset with its 20-day card rule.
/// </summary>
[MemoryDiagnoser]
public class WarrantyBenchmarks
{
    private static readonly DateOnly _today = new(2026, 11, 23);

    private readonly WarrantyTerms _platformTerms = PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures.Warranty;
    private readonly WarrantyTerms _dealerTerms = PolicyPresets.Get(PolicyPresets.MachineryDealer).Figures.Warranty;
    private readonly WarrantyFacts _directSale = new(new DateOnly(2026, 3, 1), ProductCategories.Equipment, null, null, false, null, null);
    private readonly WarrantyFacts _dealerSale = new(new DateOnly(2026, 6, 1), ProductCategories.Equipment, null, null, true, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 11));

    [GlobalSetup]
    public void CheckAnswers()
    {
        if (!DirectSaleInWarranty().Covered || !DealerSaleWithCard().Covered)
        {
            throw new InvalidOperationException("Both benchmark assets should be in warranty.");
        }
    }

    [Benchmark(Baseline = true, Description = "direct sale, category term ([000])")]
    public WarrantyDecision DirectSaleInWarranty() => WarrantyRules.Decide(_directSale, _platformTerms, _today);

    [Benchmark(Description = "dealer sale, card in 10 days ([004])")]
    public WarrantyDecision DealerSaleWithCard() => WarrantyRules.Decide(_dealerSale, _dealerTerms, _today);
}
