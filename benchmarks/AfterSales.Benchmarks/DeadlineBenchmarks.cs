using AfterSales.Domain.Deadlines;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// <c>DeadlineCalculator.DueAt</c> on the mainland-China working calendar (R-SLA-2): a clock target,
/// which is plain addition, against working-time targets that walk the calendar day by day across National Day.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    // Wednesday 2026-09-30 16:00 in Shanghai: two working hours left before 国庆节 (10-01 … 10-07); 10-10 is a 调休 Saturday.
    private static readonly DateTimeOffset _beforeNationalDay = new(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8));

    private readonly WorkingCalendar _calendar = WorkingCalendars.Cn918;
    private readonly DeadlineTarget _twoHours = DeadlineTarget.Hours(2);
    private readonly DeadlineTarget _eightWorkingHours = DeadlineTarget.WorkingHours(8);
    private readonly DeadlineTarget _threeWorkingDays = DeadlineTarget.WorkingDays(3);

    /// <summary>Fails the run rather than timing a wrong answer.</summary>
    [GlobalSetup]
    public void CheckAnswers()
    {
        Expect(ClockTwoHours(), new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.FromHours(8)));

        // 16:00–18:00 on 09-30, then nothing until Thursday 10-08 09:00, plus six hours.
        Expect(EightWorkingHoursAcrossNationalDay(), new DateTimeOffset(2026, 10, 8, 15, 0, 0, TimeSpan.FromHours(8)));

        // 10-08, 10-09 and the make-up Saturday 10-10.
        Expect(ThreeWorkingDaysAcrossNationalDay(), new DateTimeOffset(2026, 10, 10, 16, 0, 0, TimeSpan.FromHours(8)));
    }

    [Benchmark(Baseline = true, Description = "2 h clock target (Receive, [000])")]
    public DateTimeOffset ClockTwoHours() => DeadlineCalculator.DueAt(_beforeNationalDay, _twoHours, _calendar);

    [Benchmark(Description = "8 working hours across National Day")]
    public DateTimeOffset EightWorkingHoursAcrossNationalDay() => DeadlineCalculator.DueAt(_beforeNationalDay, _eightWorkingHours, _calendar);

    [Benchmark(Description = "3 working days across National Day (Revisit, [002])")]
    public DateTimeOffset ThreeWorkingDaysAcrossNationalDay() => DeadlineCalculator.DueAt(_beforeNationalDay, _threeWorkingDays, _calendar);

    private static void Expect(DateTimeOffset actual, DateTimeOffset expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"DueAt gave {actual:O}, expected {expected:O}.");
        }
    }
}
