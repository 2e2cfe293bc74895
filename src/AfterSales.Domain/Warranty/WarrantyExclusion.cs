namespace AfterSales.Domain.Warranty;

/// <summary>除外条款 (R-WTY-4): the recorded reasons a judgement cites to refuse warranty service.</summary>
public enum WarrantyExclusion
{
    /// <summary>未按说明书使用 / 人为损坏</summary>
    Misuse,

    /// <summary>擅自拆卸、改装，碰撞、跌落</summary>
    Tampering,

    /// <summary>不可抗力（地震、水灾、台风、雷击、火灾）</summary>
    ForceMajeure,

    /// <summary>超过质保期</summary>
    Expired,

    /// <summary>无销售凭证或合格证，无法确认归属或期限</summary>
    NoVoucher,

    /// <summary>使用非原厂配件</summary>
    NonOriginalParts,
}

/// <summary>One exclusion as the API lists it: code, rule, labels in Chinese and English, and the seeds it comes from.</summary>
public sealed record WarrantyExclusionInfo(WarrantyExclusion Code, string Rule, string LabelZh, string LabelEn, string Sources);

/// <summary>The catalogue of exclusions (R-WTY-4), in the order the seeds list them [003][001].</summary>
public static class WarrantyExclusions
{
    public static IReadOnlyList<WarrantyExclusionInfo> All { get; } =
    [
        new(WarrantyExclusion.Misuse, "R-WTY-4", "未按说明书使用（人为损坏）", "Use against the manual (misuse)", "[003]"),
        new(WarrantyExclusion.Tampering, "R-WTY-4", "擅自拆卸、改装，碰撞、跌落", "Disassembly, modification, impact or drop", "[003][001]"),
        new(WarrantyExclusion.ForceMajeure, "R-WTY-4", "不可抗力（地震、水灾、台风、雷击、火灾）", "Force majeure (earthquake, flood, typhoon, lightning, fire)", "[003]"),
        new(WarrantyExclusion.Expired, "R-WTY-4", "超过质保期", "Warranty expired", "[003][001]"),
        new(WarrantyExclusion.NoVoucher, "R-WTY-4", "无销售凭证或合格证，无法确认归属或期限", "No sales voucher or certificate: ownership or term cannot be confirmed", "[003]"),
        new(WarrantyExclusion.NonOriginalParts, "R-WTY-4", "使用非原厂配件", "Non-original parts used", "[001]"),
    ];

    public static WarrantyExclusionInfo Of(WarrantyExclusion code) => All.Single(e => e.Code == code);

    /// <summary>Reads a code as the API sends it (camelCase, any case); null when blank, <c>false</c> when unknown.</summary>
    public static bool TryParse(string? text, out WarrantyExclusion? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<WarrantyExclusion>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            code = parsed;
            return true;
        }

        return false;
    }
}
