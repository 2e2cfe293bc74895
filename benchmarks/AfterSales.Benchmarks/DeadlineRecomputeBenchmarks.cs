using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// Issue 3 item 9: recomputing one request's deadlines from its history (start instant, pauses, target, calendar) —
/// what a calendar edit or a level change does per request (<see cref="ServiceRequest.RecomputeDeadlines"/>). The
/// request is the one <see cref="ServiceRequestBenchmarks"/> drives to 已计划 under preset 000: four deadlines in its
/// history, OnSiteArrival open. Recomputed once on the built-in cn-9-18 calendar and once with the preset's 7-day
/// target read as 7 working days, which walks the calendar day by day (holidays and 调休 included).
/// </summary>
[MemoryDiagnoser]
public class DeadlineRecomputeBenchmarks
{
    private ServiceRequest _request = null!;
    private ServiceRules _clockRules = null!;
    private ServiceRules _workingRules = null!;

    [GlobalSetup]
    public void Setup()
    {
        var flow = new ServiceRequestBenchmarks();
        flow.Setup();
        _request = flow.SubmitToPlanned();
        var preset = PolicyPresets.Get(PolicyPresets.B2BPlatform);
        var calendar = WorkingCalendars.BuiltIn["cn-9-18"];
        _clockRules = new ServiceRules(preset.Figures, calendar);
        var working = new Dictionary<DeadlineKind, DeadlineTarget>(preset.Figures.Deadlines) { [DeadlineKind.OnSiteArrival] = DeadlineTarget.WorkingDays(7) };
        _workingRules = new ServiceRules(preset.Figures with { Deadlines = working }, calendar);

        // Refuse to time a wrong answer: the same calendar and target give the same due instant back.
        var open = _request.Deadlines.Single(d => d.IsOpen);
        var before = open.DueAt;
        _request.RecomputeDeadlines(_clockRules);
        if (open.DueAt != before || open.Kind != DeadlineKind.OnSiteArrival)
        {
            throw new InvalidOperationException($"Recompute moved {open.Kind} from {before} to {open.DueAt}.");
        }
    }

    [Benchmark(Description = "RecomputeDeadlines, 7 days clock time (OnSiteArrival, [000])")]
    public DateTimeOffset? RecomputeClock()
    {
        _request.RecomputeDeadlines(_clockRules);
        return _request.NextDueAt;
    }

    [Benchmark(Description = "RecomputeDeadlines, 7 working days on cn-9-18")]
    public DateTimeOffset? RecomputeWorking()
    {
        _request.RecomputeDeadlines(_workingRules);
        return _request.NextDueAt;
    }
}
