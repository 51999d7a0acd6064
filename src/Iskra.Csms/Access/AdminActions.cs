namespace Iskra.Csms.Access;

/// <summary>
/// The administration actions of the audit log (<see cref="AuditEntry.Command"/> of an administration row),
/// named <c>target.verb</c> so that they never clash with a command name (<c>reset</c>) or a raw call (<c>ocpp/Reset</c>).
/// </summary>
public static class AdminActions
{
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";

    /// <summary><c>ISKRA_API_KEY</c> changed: the key of that name was replaced at start-up.</summary>
    public const string ApiKeyRotated = "apikey.rotated";

    public const string StationCreated = "station.created";
    public const string StationUpdated = "station.updated";
    public const string StationDeleted = "station.deleted";

    /// <summary>The station accepted a new password sent to it (rotate, or change-configuration of its password key).</summary>
    public const string StationPasswordRotated = "station.password.rotated";

    public const string WebhookCreated = "webhook.created";
    public const string WebhookDeleted = "webhook.deleted";

    public const string IdTagCreated = "idtag.created";
    public const string IdTagUpdated = "idtag.updated";
    public const string IdTagDeleted = "idtag.deleted";

    public const string TariffCreated = "tariff.created";
    public const string TariffUpdated = "tariff.updated";
    public const string TariffDeleted = "tariff.deleted";

    /// <summary>A charge detail record was corrected: a new record replaces it.</summary>
    public const string CdrCorrected = "cdr.corrected";

    public const string AlarmAcknowledged = "alarm.acknowledged";
    public const string AlarmNoted = "alarm.noted";
    public const string MaintenanceWindowOpened = "maintenance.opened";
    public const string MaintenanceWindowClosed = "maintenance.closed";
    public const string SubscriptionCreated = "subscription.created";
    public const string SubscriptionUpdated = "subscription.updated";
    public const string SubscriptionDeleted = "subscription.deleted";

    public const string CatalogModelCreated = "catalog.created";
    public const string CatalogModelUpdated = "catalog.updated";
    public const string CatalogModelDeleted = "catalog.deleted";
}
