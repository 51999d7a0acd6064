namespace Iskra.TestLab.Runner;

/// <summary>A run that cannot start or an answer that does not fit; <see cref="Status"/> is the HTTP status the API answers.</summary>
public sealed class LabException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
