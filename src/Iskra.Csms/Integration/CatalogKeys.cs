namespace Iskra.Csms.Integration;

/// <summary>How a station's vendor and model find their catalog entry: trimmed, compared without case.</summary>
public static class CatalogKeys
{
    /// <summary>The one key of a vendor and model: both trimmed and upper-cased (invariant), joined by a unit separator.</summary>
    public static string Of(string vendor, string model)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(model);
        return string.Concat(vendor.Trim().ToUpperInvariant(), "\u001f", model.Trim().ToUpperInvariant());
    }
}
