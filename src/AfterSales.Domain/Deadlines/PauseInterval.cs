namespace AfterSales.Domain.Deadlines;

/// <summary>A stretch during which a deadline stood still because the request waited on the customer; open while <see cref="To"/> is null.</summary>
public sealed record PauseInterval(DateTimeOffset From, DateTimeOffset? To);
