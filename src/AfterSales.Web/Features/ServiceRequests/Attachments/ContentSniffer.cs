using System.Text.Unicode;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Attachments;

public enum ContentFamily
{
    Image,
    Video,
    Pdf,
    Text,
    Archive,
    Office,
}

/// <summary>What the bytes are, found from their signature, never from the client's claim (R-IN-4).</summary>
public sealed record SniffedContent(string ContentType, ContentFamily Family);

/// <summary>
/// Content sniffing by magic numbers. A file whose bytes are not a known image, video, PDF, text log,
/// zip or Office document is refused (415), whatever its name or declared type.
/// </summary>
public static class ContentSniffer
{
    public const int HeadLength = 8192;

    private static readonly Dictionary<AttachmentKind, ContentFamily[]> Allowed = new()
    {
        [AttachmentKind.Photo] = [ContentFamily.Image],
        [AttachmentKind.SitePhoto] = [ContentFamily.Image],
        [AttachmentKind.Video] = [ContentFamily.Video],
        [AttachmentKind.Certificate] = [ContentFamily.Image, ContentFamily.Pdf],
        [AttachmentKind.ServiceReport] = [ContentFamily.Image, ContentFamily.Pdf, ContentFamily.Office],
        [AttachmentKind.Agreement] = [ContentFamily.Image, ContentFamily.Pdf, ContentFamily.Office],
        [AttachmentKind.Evidence] = [ContentFamily.Image, ContentFamily.Video, ContentFamily.Pdf, ContentFamily.Office],
        [AttachmentKind.Log] = [ContentFamily.Text, ContentFamily.Archive, ContentFamily.Pdf],
        [AttachmentKind.Other] = [ContentFamily.Image, ContentFamily.Video, ContentFamily.Pdf, ContentFamily.Text, ContentFamily.Archive, ContentFamily.Office],
    };

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsAllowed(AttachmentKind kind, SniffedContent content) => Allowed[kind].Contains(content.Family);

    public static string AllowedDescription(AttachmentKind kind) => string.Join("、", Allowed[kind].Select(f => f switch
    {
        ContentFamily.Image => "图片（JPG/PNG/GIF/WEBP/HEIC）",
        ContentFamily.Video => "视频（MP4/MOV）",
        ContentFamily.Pdf => "PDF",
        ContentFamily.Text => "文本日志",
        ContentFamily.Archive => "ZIP 压缩包",
        ContentFamily.Office => "Word/Excel 文档",
        _ => f.ToString(),
    }));

    public static SniffedContent? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        // Byte arrays, not u8 literals: "\xFF" in a u8 literal is U+00FF encoded as two bytes.
        if (head.StartsWith(JpegMagic))
        {
            return new("image/jpeg", ContentFamily.Image);
        }

        if (head.StartsWith(PngMagic))
        {
            return new("image/png", ContentFamily.Image);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return new("image/gif", ContentFamily.Image);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ContentFamily.Image);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ContentFamily.Pdf);
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8))
            {
                return new("image/heic", ContentFamily.Image);
            }

            return brand.SequenceEqual("qt  "u8) ? new("video/quicktime", ContentFamily.Video) : new("video/mp4", ContentFamily.Video);
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            return extension switch
            {
                ".docx" => new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentFamily.Office),
                ".xlsx" => new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentFamily.Office),
                _ => new("application/zip", ContentFamily.Archive),
            };
        }

        return LooksLikeText(head) ? new("text/plain; charset=utf-8", ContentFamily.Text) : null;
    }

    /// <summary>UTF-8 without NUL or other control bytes (tabs and line breaks aside): an operation log.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r')
            {
                return false;
            }
        }

        // The head may end inside a multi-byte character; drop up to three trailing bytes before checking.
        for (var trim = 0; trim <= 3 && trim < head.Length; trim++)
        {
            if (Utf8.IsValid(head[..^trim]))
            {
                return true;
            }
        }

        return false;
    }
}
