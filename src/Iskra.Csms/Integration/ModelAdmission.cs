namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog's answer for a vendor, model and firmware (<see cref="CatalogService.Decide"/>): the kind, a reason
/// an operator can read (empty when admitted), the model's status (null when unknown) and, for
/// <see cref="ModelAdmissionKind.FirmwareOutsideTested"/>, the firmware versions that did pass.
/// </summary>
public sealed record ModelAdmission(ModelAdmissionKind Kind, string Reason, CatalogStatus? Status, IReadOnlyList<string> TestedFirmware)
{
    public static readonly ModelAdmission Admitted = new(ModelAdmissionKind.Admitted, "", CatalogStatus.Integrated, []);

    public bool IsAdmitted => Kind != ModelAdmissionKind.NotIntegrated;
}
