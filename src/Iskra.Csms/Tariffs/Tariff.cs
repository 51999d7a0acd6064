namespace Iskra.Csms.Tariffs;

/// <summary>
/// A tariff: its current <see cref="Version"/> of the priced definition and where it applies. A change of
/// the definition makes a new version (kept in <see cref="TariffVersionRecord"/>); sessions keep the version
/// they started with. A deleted tariff keeps its versions for the sessions priced with them.
/// </summary>
public sealed class Tariff
{
    public const int IdLength = 36;

    /// <summary>Chosen by the operator: 1 to 36 of A–Z a–z 0–9 . _ - (the OCPI tariff id).</summary>
    public required string Id { get; set; }

    public string? Name { get; set; }

    public int Version { get; set; }

    /// <summary>The current <see cref="TariffDefinition"/> as JSON.</summary>
    public required string DefinitionJson { get; set; }

    /// <summary>The <see cref="TariffAssignment"/> as JSON.</summary>
    public required string AssignmentJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it was deleted: it no longer applies to new sessions; its versions stay.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
