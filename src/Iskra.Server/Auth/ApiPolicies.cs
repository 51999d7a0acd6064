using Iskra.Csms.Access;

namespace Iskra.Server.Auth;

/// <summary>The authorization policies of the API, one per <see cref="ApiRole"/>; a higher role satisfies a lower policy.</summary>
public static class ApiPolicies
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>The role claims a key of <paramref name="role"/> carries: its own and every lower one.</summary>
    public static IEnumerable<string> RolesOf(ApiRole role)
    {
        yield return Viewer;
        if (role >= ApiRole.Operator)
        {
            yield return Operator;
        }

        if (role >= ApiRole.Admin)
        {
            yield return Admin;
        }
    }
}
