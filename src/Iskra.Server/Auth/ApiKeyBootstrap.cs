using Iskra.Csms.Access;

namespace Iskra.Server.Auth;

/// <summary>
/// SPEC §2.3: <c>ISKRA_API_KEY</c> (config <c>API_KEY</c>) is an admin key for scripts; a first start
/// with no key at all creates an admin key and prints it once to standard output, never to the log.
/// </summary>
public static partial class ApiKeyBootstrap
{
    public const string ConfiguredKeyName = "ISKRA_API_KEY";

    /// <summary>The least a configured key must have: 32 characters, 12 of them different (a 32-hex-digit key has about 128 bits).</summary>
    public const int MinimumLength = 32;

    public const int MinimumDistinct = 12;

    /// <summary>Whether a configured key is long and varied enough to stand for a random secret.</summary>
    public static bool IsStrong(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length >= MinimumLength && key.Distinct().Count() >= MinimumDistinct;
    }

    public static async Task RunAsync(ApiKeyService keys, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["API_KEY"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!IsStrong(configured.Trim()))
            {
                throw new InvalidOperationException(
                    $"ISKRA_API_KEY is too weak to be an admin key: use at least {MinimumLength} characters, {MinimumDistinct} of them different (e.g. 'openssl rand -hex 32').");
            }

            await keys.EnsureAsync(configured.Trim(), ConfiguredKeyName, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await keys.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var (key, secret) = await keys.CreateAsync("admin", ApiRole.Admin, AdminAudit.StartUp, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, key.Id);
        await Console.Out.WriteLineAsync($"""

            Iskra created the first API key (role admin). It is shown this once; store it now:

                {secret}

            Use it as 'Authorization: Bearer <key>'. Create more keys with POST /api/api-keys.

            """).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key existed: created admin key {KeyId} and printed it to standard output once")]
    private static partial void LogCreated(ILogger logger, string keyId);
}
