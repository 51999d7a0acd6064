namespace Iskra.Csms.SmartCharging;

/// <summary>
/// Which stored profiles a ClearChargingProfile removes: the one with <see cref="ChargingProfileId"/>
/// when given, otherwise every profile matching all the criteria given (an absent criterion matches any).
/// <see cref="Purpose"/> is in the station's version's spelling.
/// </summary>
public sealed record ProfileFilter(int? ChargingProfileId, int? EvseId, string? Purpose, int? StackLevel);
