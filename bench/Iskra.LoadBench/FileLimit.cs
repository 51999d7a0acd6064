using System.Runtime.InteropServices;

namespace Iskra.LoadBench;

/// <summary>Raises this process's open-file limit (RLIMIT_NOFILE): every station holds a socket on each side.</summary>
internal static partial class FileLimit
{
    private const int RlimitNofile = 7;

    /// <summary>Sets soft and hard limit to <paramref name="wanted"/> (root may raise the hard one); returns the soft limit in force.</summary>
    public static ulong Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRlimit(RlimitNofile, out var current) != 0)
        {
            return 0;
        }

        if (current.Soft >= wanted)
        {
            return current.Soft;
        }

        var next = new Rlimit { Soft = wanted, Hard = Math.Max(wanted, current.Hard) };
        if (SetRlimit(RlimitNofile, in next) != 0)
        {
            next = new Rlimit { Soft = current.Hard, Hard = current.Hard };
            _ = SetRlimit(RlimitNofile, in next);
        }

        return GetRlimit(RlimitNofile, out current) == 0 ? current.Soft : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRlimit(int resource, out Rlimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRlimit(int resource, in Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Soft;
        public ulong Hard;
    }
}
