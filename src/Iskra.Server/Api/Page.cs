namespace Iskra.Server.Api;

/// <summary>Keyset paging over descending ids for the files and firmware lists (<see cref="Cursors"/>, <see cref="ItemPage{T}"/>).</summary>
internal static class Page
{
    /// <summary>A 400 problem for a cursor that does not decode or a limit out of range; null when both are fine.</summary>
    public static IResult? Invalid(string? cursor, int? limit, out long? after, out int take)
    {
        take = Cursors.Limit(limit) ?? 0;
        if (!Cursors.TryDecode(cursor, out after))
        {
            return TypedResults.Problem(title: "Invalid cursor", detail: "cursor is not one this API gave.", statusCode: StatusCodes.Status400BadRequest);
        }

        return take == 0
            ? TypedResults.Problem(title: "Invalid limit", detail: $"limit must be 1 to {Cursors.MaxLimit}.", statusCode: StatusCodes.Status400BadRequest)
            : null;
    }

    /// <summary>The first <paramref name="take"/> of <paramref name="rows"/> (fetched one more than a page) and the cursor of the next page.</summary>
    public static ItemPage<T> Of<T>(IReadOnlyList<T> rows, int take, Func<T, long> id) =>
        rows.Count > take ? new ItemPage<T>([.. rows.Take(take)], Cursors.Encode(id(rows[take - 1]))) : new ItemPage<T>(rows, null);

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownStation(string id) =>
        TypedResults.Problem(title: "Unknown station", detail: $"No station '{id}' is registered.", statusCode: StatusCodes.Status404NotFound);
}
