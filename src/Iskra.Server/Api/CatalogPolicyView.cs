namespace Iskra.Server.Api;

/// <summary>The catalog policy in effect (configuration section <c>Catalog</c>; read-only over the API).</summary>
public sealed record CatalogPolicyView(IReadOnlyList<string> RequiredProfiles, bool IntegratedOnly, string UnknownModelAnswer);
