using System.Globalization;

namespace AfterSales.Domain.Deadlines;

/// <summary>A stretch of working time within one local day; <see cref="From"/> must come before <see cref="To"/>.</summary>
public sealed record TimeFrame(TimeOnly From, TimeOnly To);

/// <summary>A public holiday, both ends inclusive: no working time on any of its days.</summary>
public sealed record Holiday(string Name, DateOnly From, DateOnly To);

/// <summary>
/// The working time that "working" deadline units run on (R-SLA-2): weekly working hours in a time zone,
/// minus public holidays, plus make-up working days (调休) that work even when they fall on a weekend.
/// All arithmetic is done on local days in <see cref="Zone"/>, one day at a time, and every instant
/// the calendar returns carries that zone's offset.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly DayOfWeek[] _mondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private readonly TimeFrame[][] _framesByDay = new TimeFrame[7][];
    private readonly TimeFrame[] _makeUpFrames;
    private readonly HashSet<DateOnly> _holidayDates = [];
    private readonly HashSet<DateOnly> _makeUpDates;
    private readonly HashSet<int> _coveredYears = [];
    private readonly bool _hasWorkingTime;

    public WorkingCalendar(
        string id,
        string name,
        TimeZoneInfo zone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> weeklyHours,
        IEnumerable<Holiday> holidays,
        IEnumerable<DateOnly> makeUpWorkingDays)
        : this(id, name, zone, weeklyHours, holidays, makeUpWorkingDays, isAlwaysOpen: false)
    {
    }

    private WorkingCalendar(
        string id,
        string name,
        TimeZoneInfo zone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> weeklyHours,
        IEnumerable<Holiday> holidays,
        IEnumerable<DateOnly> makeUpWorkingDays,
        bool isAlwaysOpen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);

        Id = id;
        Name = name;
        Zone = zone;
        IsAlwaysOpen = isAlwaysOpen;

        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>();
        foreach (var day in _mondayFirst)
        {
            var frames = weeklyHours.TryGetValue(day, out var given) ? Normalize(day, given, nameof(weeklyHours)) : [];
            _framesByDay[(int)day] = frames;
            weekly[day] = frames.AsReadOnly();
        }

        WeeklyHours = weekly.AsReadOnly();
        _hasWorkingTime = _framesByDay.Any(frames => frames.Length > 0);

        // A make-up day replaces a weekend day with a full working day; the weekday with the most
        // frames (Monday first on ties) stands for "a full working day" (R-SLA-2).
        _makeUpFrames = [];
        foreach (var day in _mondayFirst)
        {
            if (_framesByDay[(int)day].Length > _makeUpFrames.Length)
            {
                _makeUpFrames = _framesByDay[(int)day];
            }
        }

        var holidayList = new List<Holiday>();
        foreach (var holiday in holidays)
        {
            ArgumentNullException.ThrowIfNull(holiday, nameof(holidays));
            if (holiday.To < holiday.From)
            {
                throw new ArgumentException(
                    $"Holiday '{holiday.Name}' ends ({holiday.To:yyyy-MM-dd}) before it starts ({holiday.From:yyyy-MM-dd}).",
                    nameof(holidays));
            }

            holidayList.Add(holiday);
            for (var date = holiday.From; date <= holiday.To; date = date.AddDays(1))
            {
                _holidayDates.Add(date);
                _coveredYears.Add(date.Year);
            }
        }

        Holidays = holidayList.OrderBy(h => h.From).ThenBy(h => h.To).ToArray().AsReadOnly();

        _makeUpDates = [.. makeUpWorkingDays];
        MakeUpWorkingDays = _makeUpDates.Order().ToArray().AsReadOnly();
        foreach (var date in _makeUpDates)
        {
            _coveredYears.Add(date.Year);
        }
    }

    /// <summary>
    /// A calendar on which every instant is working time, so working time equals clock time. It is what
    /// a policy uses when its "working" deadlines run around the clock (R-SLA-2).
    /// </summary>
    public static WorkingCalendar AlwaysOpen(string id, string name, TimeZoneInfo zone)
    {
        // The whole-day frame only describes the calendar; arithmetic takes the IsAlwaysOpen shortcut,
        // so the last tick before midnight never opens a gap.
        IReadOnlyList<TimeFrame> wholeDay = [new TimeFrame(TimeOnly.MinValue, TimeOnly.MaxValue)];
        var weekly = Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => wholeDay);
        return new WorkingCalendar(id, name, zone, weekly, [], [], isAlwaysOpen: true);
    }

    public string Id { get; }

    public string Name { get; }

    public TimeZoneInfo Zone { get; }

    public bool IsAlwaysOpen { get; }

    /// <summary>Holidays ordered by start date.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Make-up working days (调休) in date order.</summary>
    public IReadOnlyCollection<DateOnly> MakeUpWorkingDays { get; }

    /// <summary>Working frames for all seven days of the week, each list ordered by start; a day off has an empty list.</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> WeeklyHours { get; }

    /// <summary>
    /// A holiday is never a working day, even when it is also listed as a make-up day; a make-up day
    /// is a working day on any weekday; any other day works when its weekday has frames.
    /// </summary>
    public bool IsWorkingDay(DateOnly date) => FramesFor(date).Length > 0;

    /// <summary>The working frames of a local date: empty on holidays and days off.</summary>
    public IReadOnlyList<TimeFrame> FramesOn(DateOnly date) => FramesFor(date).AsReadOnly();

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has been spent, counting from
    /// <paramref name="start"/> or, when that is outside working time, from the next working instant.
    /// An amount that runs out exactly at the end of a frame ends there, not at the start of the next one.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start;
        }

        if (IsAlwaysOpen)
        {
            return ToZone(start + amount);
        }

        EnsureWorkingTime();
        var remaining = amount;
        for (var date = LocalDate(start); ; date = date.AddDays(1))
        {
            foreach (var frame in FramesFor(date))
            {
                var (frameStart, frameEnd) = Bounds(date, frame);
                if (frameEnd <= start)
                {
                    continue;
                }

                var from = frameStart > start ? frameStart : start;
                var available = frameEnd - from;
                if (remaining <= available)
                {
                    return ToZone(from + remaining);
                }

                remaining -= available;
            }
        }
    }

    /// <summary>
    /// The same local time of day <paramref name="days"/> working days later. A start outside working
    /// time first moves to the next working instant; a time of day that the target day does not work
    /// (a day with shorter hours) is clamped to the end of that day's last frame.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (IsAlwaysOpen)
        {
            var local = TimeZoneInfo.ConvertTime(start, Zone);
            return days == 0 ? local : ToInstant(DateOnly.FromDateTime(local.DateTime).AddDays(days), TimeOnly.FromDateTime(local.DateTime));
        }

        var begin = NextWorkingInstant(start);
        if (days == 0)
        {
            return begin;
        }

        var date = DateOnly.FromDateTime(begin.DateTime);
        var timeOfDay = TimeOnly.FromDateTime(begin.DateTime);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        var frames = FramesFor(date);
        var inside = frames.Any(frame => frame.From <= timeOfDay && timeOfDay <= frame.To);
        return ToInstant(date, inside ? timeOfDay : frames[^1].To);
    }

    /// <summary>The working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            foreach (var frame in FramesFor(date))
            {
                var (frameStart, frameEnd) = Bounds(date, frame);
                var overlapStart = frameStart > from ? frameStart : from;
                var overlapEnd = frameEnd < to ? frameEnd : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>Whether the instant lies inside a working frame; a frame's end is already outside it.</summary>
    public bool IsWorkingInstant(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var date = LocalDate(instant);
        foreach (var frame in FramesFor(date))
        {
            var (frameStart, frameEnd) = Bounds(date, frame);
            if (frameStart <= instant && instant < frameEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the holiday data reaches into <paramref name="year"/>. Outside covered years the calendar
    /// still counts weekdays but knows no holidays, so deadlines there may come out early.
    /// </summary>
    public bool CoversYear(int year) => IsAlwaysOpen || _coveredYears.Contains(year);

    private TimeFrame[] FramesFor(DateOnly date)
    {
        if (_holidayDates.Contains(date))
        {
            return [];
        }

        return _makeUpDates.Contains(date) ? _makeUpFrames : _framesByDay[(int)date.DayOfWeek];
    }

    private DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        EnsureWorkingTime();
        for (var date = LocalDate(instant); ; date = date.AddDays(1))
        {
            foreach (var frame in FramesFor(date))
            {
                var (frameStart, frameEnd) = Bounds(date, frame);
                if (instant < frameStart)
                {
                    return frameStart;
                }

                if (instant < frameEnd)
                {
                    return ToZone(instant);
                }
            }
        }
    }

    // Holidays are finite, so a calendar with at least one working frame a week always reaches working
    // time again; without any frame the day-by-day searches would never end.
    private void EnsureWorkingTime()
    {
        if (!_hasWorkingTime)
        {
            throw new InvalidOperationException(
                $"Working calendar '{Id}' has no working hours on any day of the week, so no working time can be counted on it.");
        }
    }

    private (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly date, TimeFrame frame) =>
        (ToInstant(date, frame.From), ToInstant(date, frame.To));

    private DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private DateTimeOffset ToZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    // A local time skipped by a daylight-saving jump, or repeated by a fall-back, gets the zone's
    // standard offset from GetUtcOffset; converting back yields a real instant in the zone's offset.
    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return ToZone(new DateTimeOffset(local, Zone.GetUtcOffset(local)));
    }

    private static TimeFrame[] Normalize(DayOfWeek day, IReadOnlyList<TimeFrame>? frames, string paramName)
    {
        if (frames is null || frames.Count == 0)
        {
            return [];
        }

        if (frames.Any(frame => frame is null))
        {
            throw new ArgumentException($"{day} has a null working frame.", paramName);
        }

        var ordered = frames.OrderBy(frame => frame.From).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var frame = ordered[i];
            if (frame.From >= frame.To)
            {
                throw new ArgumentException(
                    $"{day} frame {Describe(frame)} must start before it ends on the same day.", paramName);
            }

            if (i > 0 && frame.From < ordered[i - 1].To)
            {
                throw new ArgumentException(
                    $"{day} frames {Describe(ordered[i - 1])} and {Describe(frame)} overlap.", paramName);
            }
        }

        return ordered;
    }

    private static string Describe(TimeFrame frame) =>
        $"{frame.From.ToString("HH:mm", CultureInfo.InvariantCulture)}–{frame.To.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
