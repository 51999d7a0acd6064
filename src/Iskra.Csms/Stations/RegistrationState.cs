namespace Iskra.Csms.Stations;

/// <summary>The operator's decision on a station, answered in BootNotification (1.6 RegistrationStatus, 2.0.1 RegistrationStatusEnumType).</summary>
public enum RegistrationState
{
    Accepted,
    Pending,
    Rejected,
}
