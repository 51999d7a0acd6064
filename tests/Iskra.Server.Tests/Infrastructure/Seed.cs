using Iskra.Csms.Authorization;
using Iskra.Csms.Stations;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>Registers stations and id tags the way the operator will.</summary>
public static class Seed
{
    public const string Password = "correct-horse-battery-1";

    /// <summary>
    /// The PBKDF2 cost of test servers and seeded hashes (Csms:PasswordIterations): far below the product's
    /// 600,000, so that hundreds of logins do not dominate the suite; the hashing rules are the same.
    /// </summary>
    public const int Iterations = 1000;

    public static Task StationAsync(this IskraServer server, string id, int securityProfile = 1, RegistrationState status = RegistrationState.Accepted) =>
        server.SeedAsync(db => db.Stations.Add(new Station
        {
            Id = id,
            SecurityProfile = securityProfile,
            PasswordHash = securityProfile is 1 or 2 ? StationPasswords.Hash(Password, Iterations) : null,
            RegistrationStatus = status,
            CreatedAt = DateTimeOffset.UtcNow,
        }));

    public static Task IdTagAsync(this IskraServer server, string idTag, IdTagStatus status = IdTagStatus.Accepted, string? parent = null, DateTimeOffset? expiry = null) =>
        server.SeedAsync(db => db.IdTags.Add(new IdTag { Value = idTag, Status = status, ParentIdTag = parent, ExpiryDate = expiry, CreatedAt = DateTimeOffset.UtcNow }));
}
