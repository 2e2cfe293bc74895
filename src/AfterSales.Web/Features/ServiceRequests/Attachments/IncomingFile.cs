using AfterSales.Domain.Common;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Http;

namespace AfterSales.Web.Features.ServiceRequests.Attachments;

/// <summary>A file on its way in, from the API's multipart form or the browser's file input.</summary>
public sealed record IncomingFile(AttachmentKind Kind, string FileName, Func<Stream> Open);

/// <summary>
/// Stores an incoming file after checking it against the policy (R-IN-4): the size limit for its kind, then
/// its sniffed type. Refused files are removed before anything refers to them.
/// </summary>
public sealed class AttachmentIntake(IAttachmentStore store)
{
    public async Task<Attachment> StoreAsync(IncomingFile file, Guid serviceRequestId, AttachmentLimits limits, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fileName = CleanFileName(file.FileName);
        var maxBytes = file.Kind == AttachmentKind.Video ? limits.MaxVideoBytes : limits.MaxFileBytes;
        StoredFile? stored;
        await using (var content = file.Open())
        {
            stored = await store.SaveAsync(content, maxBytes, cancellationToken);
        }

        if (stored is null)
        {
            throw new UploadRefused(StatusCodes.Status413PayloadTooLarge, $"文件「{fileName}」超过 {maxBytes / 1024 / 1024} MB 的大小限制。");
        }

        if (stored.SizeBytes == 0)
        {
            store.Delete(stored.StoredName);
            throw new InvalidInput("file", "文件为空。");
        }

        var head = new byte[ContentSniffer.HeadLength];
        int length;
        await using (var saved = store.Open(stored.StoredName))
        {
            length = await saved.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var sniffed = ContentSniffer.Detect(head.AsSpan(0, length), fileName);
        if (sniffed is null || !ContentSniffer.IsAllowed(file.Kind, sniffed))
        {
            store.Delete(stored.StoredName);
            throw new UploadRefused(StatusCodes.Status415UnsupportedMediaType,
                $"「{AttachmentKindNames.Chinese(file.Kind)}」只接受{ContentSniffer.AllowedDescription(file.Kind)}，文件「{fileName}」的内容不符。");
        }

        return new Attachment(Guid.CreateVersion7(now), serviceRequestId, file.Kind, fileName, sniffed.ContentType, stored.SizeBytes,
            stored.StoredName, stored.Sha256, now, by.Name, by.OrganizationId);
    }

    public void Discard(Attachment attachment) => store.Delete(attachment.StoredName);

    private static string CleanFileName(string name)
    {
        var clean = Path.GetFileName(name.Replace('\\', '/')).Trim();
        clean = new string([.. clean.Where(c => !char.IsControl(c))]);
        if (clean.Length == 0)
        {
            clean = "file";
        }

        return clean.Length > 200 ? clean[^200..] : clean;
    }
}
