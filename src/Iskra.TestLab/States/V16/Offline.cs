using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The offline cases' "Before" (OCTT 1.6 §2.14): offline authorization switched on (LocalAuthorizeOffline,
/// LocalAuthListEnabled, AuthorizationCacheEnabled, AllowOfflineTxForUnknownId, each if implemented) and the
/// id tag in the Local Authorization List when the model has one; undone by <see cref="RestoreAsync"/>.
/// </summary>
public sealed class Offline
{
    private readonly KeySettings _configuration;
    private readonly int? _listVersion;

    private Offline(KeySettings configuration, int? listVersion)
    {
        _configuration = configuration;
        _listVersion = listVersion;
    }

    public static async Task<Offline> AuthorizationAsync(CaseContext t, string idTag, params (string Key, string Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(more);
        var configuration = new KeySettings();
        try
        {
            await configuration.SetIfImplementedAsync(t, "before",
            [
                ("LocalAuthorizeOffline", "true"), ("LocalAuthListEnabled", "true"), ("AuthorizationCacheEnabled", "true"), ("AllowOfflineTxForUnknownId", "true"), .. more,
            ]).ConfigureAwait(false);
        }
        catch (CaseStoppedException)
        {
            await configuration.RestoreAsync(t).ConfigureAwait(false);
            throw;
        }

        int? version = null;
        if (t.Model.Supports("LocalAuthListManagement"))
        {
            var current = await t.SendAsync(V16Calls.GetLocalListVersion, new GetLocalListVersionRequest(), "before", "OCPP 1.6 §5.10").ConfigureAwait(false);
            version = Math.Max(current.ListVersion, 0) + 1;
            await t.SendAsync(V16Calls.SendLocalList, new SendLocalListRequest
            {
                ListVersion = version.Value,
                UpdateType = UpdateType.Full,
                LocalAuthorizationList = [new AuthorizationData { IdTag = idTag, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }],
            }, "before", "OCPP 1.6 §5.15").ConfigureAwait(false);
        }

        return new Offline(configuration, version);
    }

    /// <summary>Empties the Local Authorization List again and restores the keys.</summary>
    public async Task RestoreAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (_listVersion is { } version)
        {
            await t.TrySendAsync(V16Calls.SendLocalList, new SendLocalListRequest { ListVersion = version + 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [] }, "after").ConfigureAwait(false);
        }

        await _configuration.RestoreAsync(t).ConfigureAwait(false);
    }

    /// <summary>[Remove connectivity], the acts while offline, then [Restore connectivity].</summary>
    public static async Task WhileOfflineAsync(CaseContext t, Func<Task> acts)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(acts);
        await t.ManualAsync(ManualAction.NetworkDown()).ConfigureAwait(false);
        try
        {
            await acts().ConfigureAwait(false);
        }
        finally
        {
            await t.ManualAsync(ManualAction.NetworkUp()).ConfigureAwait(false);
        }
    }
}
