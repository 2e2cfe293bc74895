using System.Security.Cryptography;

namespace AfterSales.Web.Features.ServiceRequests.Attachments;

/// <summary>A stored file: its server-generated name, size and SHA-256.</summary>
public sealed record StoredFile(string StoredName, long SizeBytes, string Sha256);

/// <summary>
/// Where attachment bytes live. Local disk now; an S3-compatible store is the production option
/// (ARCHITECTURE §1 scale-out), which is why this one seam is an interface.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores at most <paramref name="maxBytes"/>; returns null when the content is larger.</summary>
    Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    Stream Open(string storedName);

    void Delete(string storedName);
}

/// <summary>
/// Files under data/attachments/yyyy/MM with a random server-generated name; written to a temporary
/// file first and moved into place, so a crash never leaves a half-written attachment behind a row.
/// </summary>
public sealed class LocalDiskAttachmentStore(string root, TimeProvider clock) : IAttachmentStore
{
    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var relative = Path.Combine(now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), Guid.CreateVersion7(now).ToString("N"));
        var target = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".part";
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size > maxBytes)
        {
            File.Delete(temp);
            return null;
        }

        File.Move(temp, target);
        return new StoredFile(relative.Replace('\\', '/'), size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public Stream Open(string storedName) =>
        new FileStream(Resolve(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string storedName)
    {
        var path = Resolve(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string Resolve(string storedName)
    {
        var full = Path.GetFullPath(Path.Combine(root, storedName));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Stored name escapes the attachment root.");
        }

        return full;
    }
}
