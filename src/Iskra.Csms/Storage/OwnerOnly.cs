using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Storage;

/// <summary>
/// The folders and files that hold stored data (the SQLite database and its -wal/-shm, uploaded logs,
/// firmware images) are the owner's only: folders 0700, files 0600, whatever the umask. A folder or file
/// that already exists with more is tightened, logged once at Information. Windows is left to its ACLs,
/// which a new folder inherits from its parent.
/// </summary>
public static partial class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and its missing parents with 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> with 0700, or tightens an existing folder to 0700; a shared folder (sticky, like
    /// /tmp) is left as it is, since other users' files live there too: the files Iskra puts in it are still the owner's only.
    /// </summary>
    public static void SecureFolder(string path, ILogger logger)
    {
        CreateFolder(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if ((File.GetUnixFileMode(path) & UnixFileMode.StickyBit) != 0)
        {
            LogShared(logger, path);
            return;
        }

        Tighten(path, FolderMode, logger);
    }

    /// <summary>Creates <paramref name="path"/> empty with 0600 (SQLite gives its -wal and -shm the database file's mode), or tightens an existing file.</summary>
    public static void SecureFile(string path, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (new FileStream(path, NewFile(System.IO.FileMode.OpenOrCreate)))
        {
        }

        Tighten(path, FileMode, logger);
    }

    /// <summary>Tightens <paramref name="path"/> to 0600 when it exists.</summary>
    public static void SecureFileIfExists(string path, ILogger logger)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            Tighten(path, FileMode, logger);
        }
    }

    /// <summary>Options for writing a new file that only its owner may read.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    [UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode wanted, ILogger logger)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~wanted) != 0)
        {
            File.SetUnixFileMode(path, mode & wanted);
            string before = Octal(mode), after = Octal(mode & wanted);
            LogTightened(logger, path, before, after);
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is a folder shared with other users: Iskra's files in it are the owner's only, the folder is left as it is; give Iskra a data folder of its own.")]
    private static partial void LogShared(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} was open to other users ({Mode}); it is now the owner's only ({Tightened}).")]
    private static partial void LogTightened(ILogger logger, string path, string mode, string tightened);
}
