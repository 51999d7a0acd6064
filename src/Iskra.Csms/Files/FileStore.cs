using System.Security.Cryptography;
using Iskra.Csms.Storage;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Files;

/// <summary>
/// The folder of files (<see cref="FilesOptions.Root"/>). A file is streamed to a temporary name,
/// counted against its limit and hashed on the way, then renamed to a generated name: a client's
/// file name never becomes a path. Folders and files are the owner's only (<see cref="OwnerOnly"/>).
/// </summary>
public sealed class FileStore(IOptions<FilesOptions> options)
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public string Root => _root;

    /// <summary>Writes <paramref name="content"/> into <paramref name="folder"/>; over <paramref name="limit"/> bytes throws <see cref="FileTooLargeException"/> and keeps nothing.</summary>
    public async Task<StoredFile> WriteAsync(string folder, Stream content, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = folder + "/" + Guid.NewGuid().ToString("N");
        var path = FullPath(name);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(partial, NewFile()))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        throw new FileTooLargeException(limit);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        return new StoredFile(name, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static FileStreamOptions NewFile()
    {
        var options = OwnerOnly.NewFile(FileMode.CreateNew);
        options.BufferSize = 81920;
        options.Options = FileOptions.Asynchronous;
        return options;
    }

    /// <summary>The full path of a stored file; throws for a name that would leave the root.</summary>
    public string FullPath(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(_root, storedName));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("The stored name leaves the files folder.", nameof(storedName));
    }

    public bool Exists(string storedName) => File.Exists(FullPath(storedName));

    public void Delete(string storedName) => File.Delete(FullPath(storedName));
}
