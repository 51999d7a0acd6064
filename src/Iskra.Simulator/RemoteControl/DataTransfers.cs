namespace Iskra.Simulator.RemoteControl;

/// <summary>DataTransfer, version-neutral (1.6 §5.6, 2.0.1 P01): the simulator knows one vendor and echoes its data.</summary>
internal static class DataTransfers
{
    /// <summary>The only vendorId the simulator answers; any other is UnknownVendorId (1.6 §5.6, 2.0.1 P01).</summary>
    public const string VendorId = "Iskra";

    public static bool Known(string vendorId) => string.Equals(vendorId, VendorId, StringComparison.Ordinal);
}
