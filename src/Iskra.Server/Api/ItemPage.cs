namespace Iskra.Server.Api;

/// <summary>Every list of the API (SPEC §2.2): <c>{"items": [...], "next": cursor or null}</c>; pass <c>next</c> back as <c>?cursor=</c>.</summary>
public sealed record ItemPage<T>(IReadOnlyList<T> Items, string? Next);
