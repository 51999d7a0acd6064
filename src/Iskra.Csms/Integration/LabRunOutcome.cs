namespace Iskra.Csms.Integration;

/// <summary>
/// What the test lab tells the catalog when a run finishes (<see cref="CatalogService.RecordRunAsync"/>): the run, the
/// station and the model it tested (vendor and model as the station's BootNotification gave them), its firmware
/// and OCPP version (<c>1.6</c> or <c>2.0.1</c>), and the case counts per feature profile.
/// </summary>
public sealed record LabRunOutcome(
    string RunId,
    string StationId,
    string Vendor,
    string Model,
    string? FirmwareVersion,
    string OcppVersion,
    DateTimeOffset FinishedAt,
    IReadOnlyList<FeatureProfileResult> Profiles);
