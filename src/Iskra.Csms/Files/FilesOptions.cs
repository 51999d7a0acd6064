namespace Iskra.Csms.Files;

/// <summary>Where files are kept and how stations reach them (configuration section "Files").</summary>
public sealed class FilesOptions
{
    /// <summary>The folder that holds uploaded logs and firmware images.</summary>
    public string Root { get; set; } = "./data/files";

    /// <summary>
    /// The base URL stations use to reach Iskra over HTTP, e.g. <c>https://csms.example.com</c>. When
    /// empty, the scheme and host of the API request that creates the URL are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest diagnostics or log file a station may upload, in bytes (default 100 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest firmware image an operator may upload, in bytes (default 1 GiB).</summary>
    public long MaxFirmwareBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How long an upload URL handed to a station accepts files.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromDays(7);
}
