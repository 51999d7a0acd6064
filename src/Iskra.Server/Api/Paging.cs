namespace Iskra.Server.Api;

/// <summary>
/// Keyset paging for every list: reads <c>?limit=</c> and <c>?cursor=</c> (a bad one is a 400
/// problem, never a silent first page) and cuts a page of <c>limit + 1</c> rows into <see cref="ItemPage{T}"/>.
/// </summary>
public static class Paging
{
    /// <summary>The page size, or a 400 when <paramref name="limit"/> is outside 1..<see cref="Cursors.MaxLimit"/>.</summary>
    public static int Limit(int? limit) =>
        Cursors.Limit(limit) ?? throw new BadHttpRequestException($"limit must be 1 to {Cursors.MaxLimit}.");

    /// <summary>The numeric key after which the page starts (null: the first page).</summary>
    public static long? After(string? cursor) =>
        Cursors.TryDecode(cursor, out long? key) ? key : throw BadCursor();

    /// <summary>The text key after which the page starts (null: the first page).</summary>
    public static string? AfterText(string? cursor) =>
        Cursors.TryDecode(cursor, out string? key) ? key : throw BadCursor();

    /// <summary>A page from rows read with <c>Take(limit + 1)</c>: the extra row only tells that there is a next page.</summary>
    public static ItemPage<TView> Page<TRow, TView>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TView> view, Func<TRow, string> key)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(key);
        var items = rows.Take(limit).Select(view).ToList();
        var next = rows.Count > limit ? Cursors.Encode(key(rows[limit - 1])) : null;
        return new ItemPage<TView>(items, next);
    }

    /// <summary>As <see cref="Page{TRow, TView}(IReadOnlyList{TRow}, int, Func{TRow, TView}, Func{TRow, string})"/> with a numeric key.</summary>
    public static ItemPage<TView> Page<TRow, TView>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TView> view, Func<TRow, long> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Page(rows, limit, view, r => key(r).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static BadHttpRequestException BadCursor() => new("The cursor is not one this list gave out.");
}
