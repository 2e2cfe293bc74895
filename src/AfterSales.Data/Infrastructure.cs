namespace AfterSales.Data;

/// <summary>Counter behind human-readable numbers (SR-2026-000001): one row per prefix and year.</summary>
public sealed class NumberSequence
{
    public string Key { get; set; } = string.Empty;

    public long Next { get; set; }
}

/// <summary>
/// A write made with an Idempotency-Key (API.md). Saved in the same transaction as the write it guards,
/// so a repeat after a crash still finds it; a repeat returns the first result.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>The operation and the hash of its body; the same key with another body is refused.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public Guid ResourceId { get; set; }

    public int StatusCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
