namespace Iskra.Csms.Stations;

/// <summary>The answer to an <see cref="AdmissionRequest"/>.</summary>
public readonly record struct AdmissionDecision(bool Admitted, RefusalReason Reason)
{
    public static AdmissionDecision Admit => new(true, RefusalReason.None);

    public static AdmissionDecision Refuse(RefusalReason reason) => new(false, reason);
}
