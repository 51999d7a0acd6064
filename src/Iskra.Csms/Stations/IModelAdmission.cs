namespace Iskra.Csms.Stations;

/// <summary>
/// Asked at the BootNotification of a station the operator has Accepted whether its model (and firmware) may
/// join the network; implemented by the catalog of integrated models (<c>Integration/CatalogBootGate</c>).
/// It answers Accepted, or the status to answer instead; what it raises (alarms, notes) is its own business.
/// </summary>
public interface IModelAdmission
{
    ValueTask<RegistrationState> AdmitAsync(string stationId, BootInfo boot, CancellationToken cancellationToken);
}
