namespace Iskra.Csms.Alarms;

/// <summary>A rule's finding: open the alarm of <see cref="Key"/>, or count a repeat of the open one.</summary>
/// <param name="Code">The station's code verbatim (error code, event type), or the kind for Iskra's own findings.</param>
/// <param name="Message">The sentence for a person; kept from the first signal while the alarm stays open.</param>
public sealed record AlarmSignal(AlarmKey Key, string Severity, string Source, string Code, string Message)
{
    /// <summary>The source of the findings Iskra makes itself (no station message says so).</summary>
    public const string IskraSource = "Iskra";

    /// <summary>A finding of Iskra's own: the code is the kind.</summary>
    public static AlarmSignal Iskra(AlarmKey key, string severity, string message) => new(key, severity, IskraSource, key.Kind, message);
}
