namespace Iskra.Csms.Alarms;

/// <summary>How urgent an alarm is, from <see cref="Critical"/> down to <see cref="Warning"/> (ITU-T X.733 names).</summary>
public static class AlarmSeverity
{
    public const string Critical = "Critical";

    public const string Major = "Major";

    public const string Minor = "Minor";

    public const string Warning = "Warning";

    public static IReadOnlyList<string> All { get; } = [Critical, Major, Minor, Warning];

    /// <summary>3 for Critical down to 0 for Warning; -1 for an unknown name.</summary>
    public static int Rank(string? severity) => severity switch
    {
        Critical => 3,
        Major => 2,
        Minor => 1,
        Warning => 0,
        _ => -1,
    };

    /// <summary>The canonical spelling of <paramref name="value"/> (any case), or null when it is not a severity.</summary>
    public static string? Parse(string? value) => All.FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
