using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AfterSales.Benchmarks;

/// <summary>
/// Drives the request-create path over HTTP as fast as it will go (ARCHITECTURE §6): signs in as one demo user,
/// then <c>--concurrency</c> workers each send <c>POST /api/v1/service-requests</c> (technicalSupport on an accepted
/// order, a fresh Idempotency-Key every time) back to back for <c>--seconds</c>, after <c>--warmup</c> seconds that
/// are not counted. Reports throughput, latency percentiles and errors. Plain <see cref="HttpClient"/>, no other tool.
/// <c>--target live</c> sends <c>GET /health/live</c> instead: the bare host through the same middleware, run next to
/// a create measurement on a shared machine to tell the app's cost from the machine's load.
/// </summary>
public static class LoadDriver
{
    private const string Usage =
        "load --url http://127.0.0.1:5080 [--seconds 20] [--concurrency 16] [--warmup 3] [--user customer] [--password Demo@2026] [--order PO-2026-0001] [--target create|live]";

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}{Environment.NewLine}usage: {Usage}");
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
        var token = await SignInAsync(http, options);
        if (token is null)
        {
            return 1;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = JsonSerializer.Serialize(new
        {
            orderNumber = options.Order,
            type = "technicalSupport",
            symptom = "负载测试：远程指导设备参数设置",
            requestedResolution = "remote",
            urgency = "normal",
            contact = new { name = "张工", phone = "13800000000" },
        });

        var what = options.Live
            ? "GET health/live"
            : $"POST api/v1/service-requests (technicalSupport on {options.Order})";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {what} at {options.Url} as {options.User}, concurrency {options.Concurrency}, warm-up {options.WarmupSeconds} s, measured {options.Seconds} s"));

        var payload = options.Live ? null : body;
        if (options.WarmupSeconds > 0)
        {
            await RunWorkersAsync(http, payload, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
        }

        var wall = Stopwatch.StartNew();
        var results = await RunWorkersAsync(http, payload, options.Concurrency, TimeSpan.FromSeconds(options.Seconds));
        wall.Stop();
        Report(results, wall.Elapsed);
        return 0;
    }

    private static async Task<string?> SignInAsync(HttpClient http, LoadOptions options)
    {
        var credentials = JsonSerializer.Serialize(new { userName = options.User, password = options.Password });
        using var response = await http.PostAsync(new Uri("api/v1/auth/token", UriKind.Relative), new StringContent(credentials, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"sign-in as {options.User} failed: {(int)response.StatusCode} {text}");
            return null;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("accessToken").GetString();
    }

    /// <summary>With a body: creates a request per call; without: probes <c>/health/live</c>.</summary>
    private static async Task<WorkerResult[]> RunWorkersAsync(HttpClient http, string? body, int concurrency, TimeSpan duration)
    {
        var endAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(http, body, endAt))).ToArray();
        return await Task.WhenAll(workers);
    }

    private static async Task<WorkerResult> WorkAsync(HttpClient http, string? body, long endAt)
    {
        var result = new WorkerResult();
        var expected = body is null ? HttpStatusCode.OK : HttpStatusCode.Created;
        while (Stopwatch.GetTimestamp() < endAt)
        {
            using var request = body is null
                ? new HttpRequestMessage(HttpMethod.Get, "health/live")
                : new HttpRequestMessage(HttpMethod.Post, "api/v1/service-requests") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (body is not null)
            {
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            }

            var started = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                outcome = response.StatusCode == expected ? string.Empty : $"{(int)response.StatusCode}";
                if (outcome.Length > 0)
                {
                    result.FirstErrorBody ??= text.Length > 300 ? text[..300] : text;
                }
            }
            catch (HttpRequestException ex)
            {
                outcome = ex.GetType().Name;
                result.FirstErrorBody ??= ex.Message;
            }
            catch (TaskCanceledException ex)
            {
                outcome = "timeout";
                result.FirstErrorBody ??= ex.Message;
            }

            result.LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (outcome.Length > 0)
            {
                result.Errors[outcome] = result.Errors.GetValueOrDefault(outcome) + 1;
            }
        }

        return result;
    }

    private static void Report(WorkerResult[] results, TimeSpan elapsed)
    {
        var latencies = results.SelectMany(r => r.LatenciesMs).Order().ToArray();
        var errors = results.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        var errorCount = errors.Values.Sum();
        var ok = latencies.Length - errorCount;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"requests {latencies.Length}, succeeded {ok}, errors {errorCount}{(errorCount > 0 ? " (" + string.Join(", ", errors.Select(e => $"{e.Key}×{e.Value}")) + ")" : string.Empty)}"));
        Console.WriteLine(string.Create(inv, $"throughput {latencies.Length / elapsed.TotalSeconds:F1} requests/s ({ok / elapsed.TotalSeconds:F1} succeeded/s) over {elapsed.TotalSeconds:F1} s"));
        if (latencies.Length > 0)
        {
            Console.WriteLine(string.Create(inv,
                $"latency ms: p50 {Percentile(latencies, 50):F1}, p95 {Percentile(latencies, 95):F1}, p99 {Percentile(latencies, 99):F1}, max {latencies[^1]:F1}"));
        }

        if (results.Select(r => r.FirstErrorBody).FirstOrDefault(b => b is not null) is { } sample)
        {
            Console.WriteLine($"first error: {sample}");
        }
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private sealed class WorkerResult
    {
        public List<double> LatenciesMs { get; } = [];

        public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

        public string? FirstErrorBody { get; set; }
    }

    private sealed record LoadOptions(Uri Url, int Seconds, int Concurrency, int WarmupSeconds, string User, string Password, string Order, bool Live)
    {
        public static LoadOptions Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
                }

                values[args[i][2..]] = args[++i];
            }

            var known = new[] { "url", "seconds", "concurrency", "warmup", "user", "password", "order", "target" };
            if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            {
                throw new ArgumentException($"unknown option --{unknown}");
            }

            if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri))
            {
                throw new ArgumentException("--url is required, e.g. --url http://127.0.0.1:5080");
            }

            return new LoadOptions(
                uri,
                Positive(values, "seconds", 20),
                Positive(values, "concurrency", 16),
                int.Parse(values.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture),
                values.GetValueOrDefault("user", "customer"),
                values.GetValueOrDefault("password", "Demo@2026"),
                values.GetValueOrDefault("order", "PO-2026-0001"),
                values.GetValueOrDefault("target", "create") switch
                {
                    "create" => false,
                    "live" => true,
                    var other => throw new ArgumentException($"--target must be create or live, not '{other}'"),
                });
        }

        private static int Positive(Dictionary<string, string> values, string name, int fallback)
        {
            var value = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            return value > 0 ? value : throw new ArgumentException($"--{name} must be a positive number");
        }
    }
}
