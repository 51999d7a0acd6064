using Iskra.Csms.Access;

namespace Iskra.Server.Auth;

/// <summary>The <see cref="ApiCaller"/> of an authenticated request.</summary>
public static class ApiCallers
{
    public static ApiCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(ApiCaller), out var caller) && caller is ApiCaller known
            ? known
            : throw new InvalidOperationException("The endpoint is not behind API key authentication.");
    }
}
