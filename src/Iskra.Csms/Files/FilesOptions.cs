namespace Iskra.Csms.Files;

/// <summary>Where files are kept and how stations reach them (configuration section "Files").</summary>
public sealed class FilesOptions
{
    /// <summary>The folder that holds uploaded logs and firmware images.</summary>
    public string Root { get; set; } = "./data/files";

    /// <summary>
    /// The base URL stations use to reach Iskra over HTTP, e.g. <c>https://csms.example.com</c>. When
    /// empty, the address the server listens on (https preferred); a command that needs a URL is refused
    /// with 422 when that is a wildcard address (0.0.0.0, [::]).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest diagnostics or log file a station may upload, in bytes (default 100 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest firmware image an operator may upload, in bytes (default 1 GiB).</summary>
    public long MaxFirmwareBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How long an upload URL handed to a station accepts files (default 1 hour).</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many files one upload URL accepts (default 1); a further upload is 404, as for an expired URL.</summary>
    public int MaxFilesPerUpload { get; set; } = 1;
}
