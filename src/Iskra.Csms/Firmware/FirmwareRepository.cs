using System.Security.Cryptography;
using System.Text;
using Iskra.Csms.Files;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Firmware;

/// <summary>Iskra's firmware repository: images operators upload, that stations download by an unguessable URL.</summary>
public sealed class FirmwareRepository(
    IDbContextFactory<IskraDbContext> contexts,
    FileStore store,
    IOptions<FilesOptions> options,
    TimeProvider time)
{
    /// <summary>Stores an image; over <see cref="FilesOptions.MaxFirmwareBytes"/> throws <see cref="FileTooLargeException"/>.</summary>
    public async Task<FirmwareImage> AddAsync(string name, Stream content, string actor, CancellationToken cancellationToken)
    {
        var stored = await store.WriteAsync("firmware", content, options.Value.MaxFirmwareBytes, cancellationToken).ConfigureAwait(false);
        var image = new FirmwareImage
        {
            Name = FileNames.Sanitize(name, "firmware.bin"),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            Token = FileLinks.NewToken(),
            StoredName = stored.Path,
            UploadedBy = actor,
            UploadedAt = time.GetUtcNow(),
        };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.FirmwareImages.Add(image);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store.Delete(stored.Path);
            throw;
        }

        return image;
    }

    public async Task<FirmwareImage?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.FirmwareImages.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image a station asks for by id and token (compared in constant time), or null.</summary>
    public async Task<FirmwareImage?> FindAsync(long id, string token, CancellationToken cancellationToken)
    {
        var image = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        return image is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(image.Token), Encoding.UTF8.GetBytes(token ?? ""))
            ? image
            : null;
    }

    /// <summary>Removes the image and its file; its URL stops working at once. False when there is no such image.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var image = await db.FirmwareImages.FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            return false;
        }

        db.FirmwareImages.Remove(image);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        store.Delete(image.StoredName);
        return true;
    }

    public string FullPath(FirmwareImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return store.FullPath(image.StoredName);
    }
}
