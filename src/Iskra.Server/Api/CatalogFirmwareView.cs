namespace Iskra.Server.Api;

/// <summary>A firmware version a lab run tested: the verdict of its latest run (<c>passed</c>, <c>failed</c>) and every run that tested it, oldest first.</summary>
public sealed record CatalogFirmwareView(string Version, string Verdict, IReadOnlyList<string> RunIds);
