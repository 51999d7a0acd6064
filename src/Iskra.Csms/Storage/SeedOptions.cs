using Iskra.Csms.Authorization;

namespace Iskra.Csms.Storage;

/// <summary>
/// Stations and id tags created at start-up from configuration (section "Seed"), for setups without the
/// operator API. Existing rows are left as they are.
/// </summary>
public sealed class SeedOptions
{
    public List<SeedStation> Stations { get; } = [];

    public List<SeedIdTag> IdTags { get; } = [];

    public sealed class SeedStation
    {
        public string Id { get; set; } = "";

        public int SecurityProfile { get; set; } = 1;

        public string? Password { get; set; }

        public string? Description { get; set; }
    }

    public sealed class SeedIdTag
    {
        public string IdTag { get; set; } = "";

        public IdTagStatus Status { get; set; } = IdTagStatus.Accepted;

        public DateTimeOffset? ExpiryDate { get; set; }

        public string? ParentIdTag { get; set; }
    }
}
