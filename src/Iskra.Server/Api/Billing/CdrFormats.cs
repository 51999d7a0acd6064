using System.Text;
using Iskra.Csms.Storage;
using Iskra.Csms.Tariffs;
using Iskra.Csms.Tariffs.Export;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Api.Billing;

/// <summary>Chooses and writes the representation of charge detail records: JSON (default), CSV or OCPI 2.2.1.</summary>
public static class CdrFormats
{
    /// <summary><c>?format=</c> wins; without it <c>Accept: text/csv</c> asks for CSV; otherwise JSON.</summary>
    public static CdrFormat Of(string? format, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return format switch
        {
            null => request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) ? CdrFormat.Csv : CdrFormat.Json,
            "json" => CdrFormat.Json,
            "csv" => CdrFormat.Csv,
            "ocpi" => CdrFormat.Ocpi,
            _ => throw new BadHttpRequestException("format must be json, csv or ocpi."),
        };
    }

    /// <summary>A page of an export, streamed; <paramref name="next"/> is the cursor of the next page, named in a <c>Link</c> header.</summary>
    public static IResult Export(CdrFormat kind, IReadOnlyList<ChargeDetailRecord> rows, string? next, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (next is not null)
        {
            var query = request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new KeyValuePair<string, string?>("cursor", next));
            request.HttpContext.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(request.PathBase + request.Path, query)}>; rel=\"next\"";
        }

        return Write(kind, rows, request);
    }

    /// <summary>One record as CSV (header and line) or as one OCPI CDR object.</summary>
    public static IResult One(CdrFormat kind, ChargeDetailRecord cdr, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (kind == CdrFormat.Csv)
        {
            return Write(kind, [cdr], request);
        }

        var party = Party(request);
        return Results.Stream(s => System.Text.Json.JsonSerializer.SerializeAsync(s, CdrOcpi.From(cdr, party), BillingJsonContext.Default.OcpiCdr), "application/json");
    }

    private static IResult Write(CdrFormat kind, IReadOnlyList<ChargeDetailRecord> rows, HttpRequest request)
    {
        if (kind == CdrFormat.Csv)
        {
            return Results.Stream(async s =>
            {
                var writer = new StreamWriter(s, new UTF8Encoding(false));
                await using (writer.ConfigureAwait(false))
                {
                    // Asynchronous all the way: a response stream refuses synchronous writes.
                    await CdrCsv.WriteAsync(writer, rows.ToAsyncEnumerable(), request.HttpContext.RequestAborted).ConfigureAwait(false);
                }
            }, "text/csv; charset=utf-8");
        }

        // OCPI: a correction is preceded by the credit CDR that cancels the record it replaces.
        var contexts = request.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<IskraDbContext>>();
        return Results.Stream(
            s => CdrOcpiWriter.WriteAsync(s, rows.ToAsyncEnumerable(), Party(request), (id, ct) => FindAsync(contexts, id, ct), request.HttpContext.RequestAborted),
            "application/json");
    }

    private static async ValueTask<ChargeDetailRecord?> FindAsync(IDbContextFactory<IskraDbContext> contexts, long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Cdrs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
    }

    private static OcpiParty Party(HttpRequest request)
    {
        var billing = request.HttpContext.RequestServices.GetRequiredService<IOptions<BillingOptions>>().Value;
        return new OcpiParty(billing.CountryCode, billing.PartyId);
    }
}
