using System.Buffers.Text;
using System.Text;

namespace AfterSales.Web.Http;

/// <summary>A page of a keyset-paginated list (API.md): <c>{ "items": [...], "next": "&lt;cursor or null&gt;" }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last item, base64url-encoded. Keyset, not offset,
/// so pages stay stable and cheap however deep a client reads.
/// </summary>
public static class Cursor
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static int Size(int? requested)
    {
        if (requested is null)
        {
            return DefaultSize;
        }

        if (requested is < 1 or > MaxSize)
        {
            throw new Domain.Common.InvalidInput("page[size]", $"每页条数须在 1 到 {MaxSize} 之间。");
        }

        return requested.Value;
    }

    /// <summary>
    /// The instant a cursor's sort key stands for. A key no instant has — the "no deadline" end marker
    /// (<see cref="long.MaxValue"/>) or a cursor that was tampered with — is refused, never a 500.
    /// </summary>
    public static DateTimeOffset Instant(long key) =>
        key >= 0 && key <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(key, TimeSpan.Zero)
            : throw new Domain.Common.InvalidInput("page[after]", "分页游标无效。");

    public static string Encode(long key, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{key}:{id:N}")));

    public static (long Key, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var key) && Guid.TryParse(parts[1], out var id))
            {
                return (key, id);
            }
        }
        catch (FormatException)
        {
        }

        throw new Domain.Common.InvalidInput("page[after]", "分页游标无效。");
    }
}
