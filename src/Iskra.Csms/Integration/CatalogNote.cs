namespace Iskra.Csms.Integration;

/// <summary>A known quirk of a catalog model, written by an operator (or by Iskra when a model boots with firmware it never tested).</summary>
public sealed class CatalogNote
{
    public const int TextLength = 2000;

    /// <summary>The author of the notes Iskra writes itself.</summary>
    public const string IskraAuthor = "Iskra";

    public long Id { get; set; }

    public long ModelId { get; set; }

    /// <summary>The API key's name and id, or <see cref="IskraAuthor"/>.</summary>
    public required string Author { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Text { get; set; }

    /// <summary>The untested firmware version a re-qualification note is about (one note per version); null for an operator's note.</summary>
    public string? Firmware { get; set; }
}
