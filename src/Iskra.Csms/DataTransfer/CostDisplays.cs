namespace Iskra.Csms.DataTransfer;

/// <summary>
/// The cost displays Iskra knows, in registration order. No price message is sent to a 1.6 station
/// unless a display supports it: <see cref="ForAsync"/> answers null when none does.
/// </summary>
public sealed class CostDisplays(IEnumerable<IVendorCostDisplay> displays)
{
    private readonly IVendorCostDisplay[] _displays = [.. displays];

    public IReadOnlyList<IVendorCostDisplay> All => _displays;

    /// <summary>The first registered display that supports <paramref name="stationId"/>; null = send nothing.</summary>
    public async ValueTask<IVendorCostDisplay?> ForAsync(string stationId, CancellationToken cancellationToken)
    {
        foreach (var display in _displays)
        {
            if (await display.SupportsAsync(stationId, cancellationToken).ConfigureAwait(false))
            {
                return display;
            }
        }

        return null;
    }
}
