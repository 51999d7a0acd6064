using Iskra.Csms.Stations;

namespace Iskra.Csms.Integration;

/// <summary>The operator's catalog policy (configuration section "Catalog"; docs/decisions/010-catalog-policy.md).</summary>
public sealed class CatalogOptions
{
    /// <summary>The profiles required when <see cref="RequiredProfiles"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultRequiredProfiles = ["Core"];

    /// <summary>
    /// The feature profiles in which a run must pass every applicable case for the model to become integrated;
    /// null (not configured) means <see cref="DefaultRequiredProfiles"/>. Names compare without case.
    /// </summary>
    public string[]? RequiredProfiles { get; set; }

    /// <summary>When true, a station whose model is not integrated is not Accepted at boot (it is answered <see cref="UnknownModelAnswer"/>).</summary>
    public bool IntegratedOnly { get; set; }

    /// <summary>The BootNotification answer, with <see cref="IntegratedOnly"/>, for a model that is unknown or still testing: Pending or Rejected. A refused model is always Rejected.</summary>
    public RegistrationState UnknownModelAnswer { get; set; } = RegistrationState.Pending;

    /// <summary>
    /// How old the in-memory catalog may get before a boot starts a reload in the background: changes made on this node
    /// apply at once, those made by other nodes (or in the database directly) within this. Zero turns it off.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The required profiles in effect.</summary>
    public IReadOnlyList<string> Required => RequiredProfiles is { Length: > 0 } configured ? configured : DefaultRequiredProfiles;
}
