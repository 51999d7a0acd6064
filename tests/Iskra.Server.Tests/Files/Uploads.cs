using System.Net.Http.Headers;
using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Files;

/// <summary>What a station's HTTP client does with an upload URL, and what an operator reads back.</summary>
internal static class Uploads
{
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>PUT of the raw bytes (no API key: a station has none).</summary>
    public static async Task<HttpResponseMessage> PutAsync(string url, byte[] bytes, bool chunked = false)
    {
        using var client = new HttpClient();
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PutAsync(new Uri(url), content, TestContext.Current.CancellationToken);
    }

    /// <summary>POST of multipart/form-data with one file part named <paramref name="fileName"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(string url, byte[] bytes, string fileName, HttpClient? client = null)
    {
        using var own = new HttpClient();
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(new StringContent("ignored"), "comment");
        form.Add(file, "file", fileName);
        return await (client ?? own).PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), form, TestContext.Current.CancellationToken);
    }

    /// <summary>The files list of a station, as a viewer sees it.</summary>
    public static async Task<JsonElement[]> FilesAsync(HttpClient api, string stationId) =>
        [.. (await (await api.GetAsync(new Uri($"/api/stations/{stationId}/files", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray()];

    /// <summary>The upload requests of a station, newest first.</summary>
    public static async Task<JsonElement[]> RequestsAsync(HttpClient api, string stationId) =>
        [.. (await (await api.GetAsync(new Uri($"/api/stations/{stationId}/upload-requests", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray()];

    public static async Task<byte[]> DownloadAsync(HttpClient api, long fileId)
    {
        var response = await api.GetAsync(new Uri($"/api/files/{fileId}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
