namespace Iskra.Csms.Integration;

/// <summary>What the catalog says about a booting station's model and firmware.</summary>
public enum ModelAdmissionKind
{
    /// <summary>The model is integrated and the firmware passed a lab run (or the model has no tested firmware to compare with, or the station gave none).</summary>
    Admitted,

    /// <summary>The model is unknown to the catalog, still testing, or refused.</summary>
    NotIntegrated,

    /// <summary>The model is integrated, but this firmware version never passed a lab run of it.</summary>
    FirmwareOutsideTested,
}
