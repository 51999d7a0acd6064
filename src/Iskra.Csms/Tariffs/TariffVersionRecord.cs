namespace Iskra.Csms.Tariffs;

/// <summary>One version of a tariff's definition, kept for as long as sessions priced with it exist.</summary>
public sealed class TariffVersionRecord
{
    public required string TariffId { get; set; }

    public int Version { get; set; }

    /// <summary>The <see cref="TariffDefinition"/> as JSON.</summary>
    public required string DefinitionJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
