using Iskra.Csms.Stations;

namespace Iskra.Server.Api.History;

/// <summary>One BootNotification as Iskra received it: when, why, what the station said it is and runs, and the operator's registration status then.</summary>
public sealed record BootView(
    long Id, DateTimeOffset BootedAt, string? Reason, string Vendor, string Model, string? SerialNumber, string? FirmwareVersion, string RegistrationStatus)
{
    public static BootView From(BootRecord boot)
    {
        ArgumentNullException.ThrowIfNull(boot);
        return new(boot.Id, boot.BootedAt, boot.Reason, boot.Vendor, boot.Model, boot.SerialNumber, boot.FirmwareVersion, boot.RegistrationStatus);
    }
}
