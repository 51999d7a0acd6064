namespace Iskra.Csms.Integration;

/// <summary>
/// What recording a lab run did (<see cref="CatalogService.RecordRunAsync"/>): the catalog model, whether the run
/// passed the policy, the model's status before (null when the run added the model) and after, and whether the
/// run id had been recorded already (then nothing changed).
/// </summary>
public sealed record RecordedRun(long ModelId, bool PassedPolicy, CatalogStatus? StatusBefore, CatalogStatus StatusAfter, bool AlreadyRecorded);
