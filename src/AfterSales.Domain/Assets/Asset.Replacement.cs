namespace AfterSales.Domain.Assets;

/// <summary>
/// 整机更换 on the asset record (R-EXE-6): the replaced unit names the serial that replaced it, and a registered
/// replacement unit names the serial it replaces, so the record follows the machine across the swap.
/// </summary>
public sealed partial class Asset
{
    /// <summary>The serial of the new unit that replaced this one (整机更换), if any.</summary>
    public string? ReplacedBySerial { get; private set; }

    /// <summary>When this unit was replaced.</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>The serial of the unit this one replaced, if it came in as a replacement.</summary>
    public string? ReplacesSerial { get; private set; }

    /// <summary>Links this unit to the new one that replaced it.</summary>
    public void RecordReplacedBy(string newSerial, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newSerial);
        ReplacedBySerial = newSerial;
        ReplacedAt = at;
    }

    /// <summary>Links this unit to the old one it replaced.</summary>
    public void RecordReplaces(string oldSerial)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldSerial);
        ReplacesSerial = oldSerial;
    }
}
