namespace Iskra.Csms.Files;

/// <summary>A file that went over its size limit while it was being received; nothing of it was kept.</summary>
public sealed class FileTooLargeException(long limit)
    : Exception($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
