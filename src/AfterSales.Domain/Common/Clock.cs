namespace AfterSales.Domain.Common;

/// <summary>
/// The business's wall clock. Instants are stored in UTC; dates the business reasons about
/// (acceptance date, warranty end, working days) are dates in the service zone, Asia/Shanghai by default.
/// </summary>
public static class ServiceZone
{
    public const string DefaultId = "Asia/Shanghai";

    public static TimeZoneInfo Default { get; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultId);

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo? zone = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone ?? Default).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(instant, zone ?? Default);

    /// <summary>The instant a local date and time in <paramref name="zone"/> denotes.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo? zone = null)
    {
        zone ??= Default;
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
