namespace Iskra.Csms.Integration;

/// <summary>The alarm codes the catalog raises on a booting station (source <c>Iskra</c>).</summary>
public static class CatalogAlarms
{
    /// <summary>With <see cref="CatalogOptions.IntegratedOnly"/>: the station's model is not integrated, so its boot was not Accepted.</summary>
    public const string ModelNotIntegrated = "ModelNotIntegrated";

    /// <summary>The station's model is integrated, but its firmware version did not pass a lab run: re-qualify it.</summary>
    public const string FirmwareNotTested = "FirmwareNotTested";
}
