using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iskra.LabClient;

/// <summary>Starts a run, follows it, answers its manual steps, writes the reports, and says with its exit code whether the model is ready.</summary>
public static class LabCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (options, problem) = LabOptions.Parse(args, Environment.GetEnvironmentVariable("ISKRA_API_KEY"));
        if (options is null)
        {
            await error.WriteLineAsync($"iskra-lab: {problem}\n{LabOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        try
        {
            return await RunAsync(http, options, input, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or LabClientException or JsonException or IOException)
        {
            await error.WriteLineAsync($"iskra-lab: {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> RunAsync(HttpClient http, LabOptions options, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["stationId"] = options.StationId, ["suite"] = options.Suite, ["simulatorControlUrl"] = options.Simulator };
        if (options.DeclaredFile is not null)
        {
            body["declared"] = JsonNode.Parse(await File.ReadAllTextAsync(options.DeclaredFile, cancellationToken).ConfigureAwait(false));
        }

        if (options.Cases.Count > 0)
        {
            body["cases"] = new JsonArray([.. options.Cases.Select(c => (JsonNode)c)]);
        }

        var run = await SendAsync(http, HttpMethod.Post, "api/testlab/runs", body, 201, cancellationToken).ConfigureAwait(false);
        var id = run.GetProperty("id").GetString()!;
        await output.WriteLineAsync($"run {id} on station {options.StationId} ({run.GetProperty("suite").GetString()})").ConfigureAwait(false);

        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        string? asked = null;
        while (true)
        {
            run = await SendAsync(http, HttpMethod.Get, $"api/testlab/runs/{id}", null, 200, cancellationToken).ConfigureAwait(false);
            foreach (var c in run.GetProperty("cases").EnumerateArray())
            {
                var caseId = c.GetProperty("id").GetString()!;
                var verdict = c.GetProperty("verdict").GetString()!;
                if (verdict != "pending" && shown.GetValueOrDefault(caseId) != verdict)
                {
                    shown[caseId] = verdict;
                    await output.WriteLineAsync($"  {verdict,-13} {caseId} {c.GetProperty("title").GetString()}").ConfigureAwait(false);
                    foreach (var f in c.GetProperty("findings").EnumerateArray())
                    {
                        await output.WriteLineAsync($"      {f.GetProperty("requirement").GetString()}: expected {f.GetProperty("expected").GetString()}; observed {f.GetProperty("observed").GetString()}").ConfigureAwait(false);
                    }
                }
            }

            var status = run.GetProperty("status").GetString();
            if (status is "passed" or "failed" or "cancelled" or "interrupted")
            {
                break;
            }

            if (run.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.Object)
            {
                var key = prompt.GetProperty("caseId").GetString() + prompt.GetProperty("askedAt").GetString();
                if (key != asked)
                {
                    asked = key;
                    await output.WriteLineAsync($"[{prompt.GetProperty("caseId").GetString()}] {prompt.GetProperty("instruction").GetString()}  (d = done, c = cannot, s = skip case)").ConfigureAwait(false);
                    var line = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim().ToLowerInvariant();
                    var answer = line switch { "c" or "cannot" => "cannot", "s" or "skip" => "skip", null => "skip", _ => "done" };
                    await SendAsync(http, HttpMethod.Post, $"api/testlab/runs/{id}/prompt", new JsonObject { ["answer"] = answer }, 200, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        await WriteReportAsync(http, id, "junit", options.JUnitFile, cancellationToken).ConfigureAwait(false);
        await WriteReportAsync(http, id, "html", options.HtmlFile, cancellationToken).ConfigureAwait(false);
        var summary = run.GetProperty("summary");
        var ready = run.GetProperty("readyForIntegration").GetBoolean();
        await output.WriteLineAsync($"{run.GetProperty("status").GetString()}: {summary.GetProperty("passed").GetInt32()} passed, {summary.GetProperty("failed").GetInt32()} failed, {summary.GetProperty("skipped").GetInt32()} skipped, {summary.GetProperty("notApplicable").GetInt32()} not applicable").ConfigureAwait(false);
        await output.WriteLineAsync((ready ? "READY for integration: " : "NOT READY for integration: ") + run.GetProperty("readiness").GetString()).ConfigureAwait(false);
        return ready ? 0 : 1;
    }

    private static async Task WriteReportAsync(HttpClient http, string id, string format, string? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return;
        }

        using var response = await http.GetAsync(new Uri($"api/testlab/runs/{id}/report?format={format}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LabClientException($"the {format} report: HTTP {(int)response.StatusCode}");
        }

        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body, int expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode != expected)
        {
            var detail = text;
            try
            {
                using var problem = JsonDocument.Parse(text);
                detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? text : text;
            }
            catch (JsonException)
            {
                // not a problem document: show it as it came
            }

            throw new LabClientException($"{method} /{path}: HTTP {(int)response.StatusCode}: {detail}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
