using System.Globalization;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Pages;

public enum DraftState
{
    Reading,
    Ready,
    Failed,
}

/// <summary>
/// A file picked on the new-request form. Its bytes are copied from the browser into a temporary file as they
/// stream in, so the form can show progress per file and the use case can read the file when the request is
/// submitted; the temporary copy is deleted when the form no longer needs it.
/// </summary>
public sealed class AttachmentDraft : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private AttachmentDraft(string fileName, long size, AttachmentKind kind, string tempPath)
    {
        FileName = fileName;
        Size = size;
        Kind = kind;
        TempPath = tempPath;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public string FileName { get; }

    public long Size { get; }

    public AttachmentKind Kind { get; set; }

    public long Received { get; private set; }

    public DraftState State { get; private set; } = DraftState.Reading;

    public string? Error { get; private set; }

    public int Percent => Size <= 0 ? 100 : (int)Math.Min(100, Received * 100 / Size);

    private string TempPath { get; }

    public static AttachmentDraft Create(string fileName, long size, string contentType) =>
        new(fileName, size, GuessKind(fileName, contentType), Path.Combine(TempDirectory(), Guid.NewGuid().ToString("N")));

    /// <summary>The attachment kind a file most likely is; the user can change it on the form.</summary>
    public static AttachmentKind GuessKind(string fileName, string contentType)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || extension is ".mp4" or ".mov")
        {
            return AttachmentKind.Video;
        }

        if (contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return AttachmentKind.Photo;
        }

        // A scanned 产品合格证 usually arrives as a PDF (R-IN-4).
        if (extension == ".pdf" || contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return AttachmentKind.Certificate;
        }

        return extension is ".log" or ".txt" or ".csv" or ".zip" ? AttachmentKind.Log : AttachmentKind.Other;
    }

    /// <summary>The policy's size limit for the kind currently chosen (R-IN-4): videos have their own.</summary>
    public long LimitFor(AttachmentLimits limits) => Kind == AttachmentKind.Video ? limits.MaxVideoBytes : limits.MaxFileBytes;

    /// <summary>Copies the browser's stream to the temporary file, reporting each whole percent reached.</summary>
    public async Task CopyFromAsync(Stream source, Action onProgress, CancellationToken cancellationToken)
    {
        try
        {
            await using var target = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes, useAsync: true);
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                var before = Percent;
                Received += read;
                if (Percent != before)
                {
                    onProgress();
                }
            }

            State = DraftState.Ready;
        }
        catch
        {
            DeleteCopy();
            throw;
        }
    }

    public void Fail(string message)
    {
        State = DraftState.Failed;
        Error = message;
    }

    public Stream OpenRead() => new FileStream(TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, useAsync: true);

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public void Dispose() => DeleteCopy();

    private void DeleteCopy()
    {
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Still open by a copy being cancelled; the temporary folder is cleaned by the system.
        }
    }

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "aftersales-portal-uploads");
        Directory.CreateDirectory(path);
        return path;
    }
}
