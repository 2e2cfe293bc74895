using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Hosting;
using AfterSales.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.MonitorBench;

/// <summary>
/// The deadline monitor at volume (issue 3 item 9): the real app (in-process, migrations and demo data) on a fresh
/// database; one request filed through the API is cloned in SQL into <c>--open</c> requests, each with an open
/// Receive deadline ([000]: 2 h). <c>--due</c> of them fall due at the template's instant, <c>--warm-up-rounds</c> ×
/// <c>--warm-up</c> in the hour before it, the rest 30 days later. Measures (1) a monitor pass with nothing due,
/// repeated, (2) the warm-up passes (the first breaches since start: cold code) and (3) the one pass that records the <c>--due</c>
/// breaches with their deposit penalties, timeline entries and notifications, then checks the rows.
/// </summary>
internal static class MonitorDriver
{
    private const string Usage = "--provider Postgres|Sqlite [--connection \"Host=…;Database=…\"] [--open 1000000] [--due 10000] [--idle-passes 200] [--trace (per-batch timings)] [--parallel 1 (due passes at once)] [--warm-up 5000 --warm-up-rounds 10 (due first, in passes before the timed one, until the JIT is quiet)]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : string.Empty, StringComparer.Ordinal);
        if (!options.TryGetValue("provider", out var provider))
        {
            await Console.Error.WriteLineAsync("usage: " + Usage);
            return 2;
        }

        var open = int.Parse(options.GetValueOrDefault("open", "1000000"), CultureInfo.InvariantCulture);
        var due = int.Parse(options.GetValueOrDefault("due", "10000"), CultureInfo.InvariantCulture);
        var idlePasses = int.Parse(options.GetValueOrDefault("idle-passes", "200"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(options.GetValueOrDefault("warm-up", "5000"), CultureInfo.InvariantCulture);
        var warmUpRounds = Math.Clamp(int.Parse(options.GetValueOrDefault("warm-up-rounds", "10"), CultureInfo.InvariantCulture), 0, 10);
        var parallel = Math.Max(1, int.Parse(options.GetValueOrDefault("parallel", "1"), CultureInfo.InvariantCulture));
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"aftersales-monitor-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(dataDirectory);
        var connection = options.GetValueOrDefault("connection")
            ?? $"Data Source={Path.Combine(dataDirectory, "bench.db")}";

        // The app's content root is the build output (no repository layout needed).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_AFTERSALES_WEB", AppContext.BaseDirectory);
        await using var app = new BenchApp(provider, connection, dataDirectory, options.ContainsKey("trace"));
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {provider}: starting the app (migrations, demo data)…");
        var template = await FileTemplateRequestAsync(app);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var monitor = app.Services.GetRequiredService<DeadlineMonitor>();
        DateTimeOffset templateDueAt;
        await using (var reader = contexts.CreateSystemContext())
        {
            templateDueAt = await reader.Deadlines.IgnoreQueryFilters().Where(d => d.ServiceRequestId == template && d.Kind == DeadlineKind.Receive).Select(d => d.DueAt).SingleAsync();
        }

        var watch = Stopwatch.StartNew();
        await CloneAsync(contexts, provider, template, open, due, warmUp, warmUpRounds);
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} seeded {open:N0} requests with an open Receive deadline ({due:N0} due first, {warmUpRounds} × {warmUp:N0} in the hour before them) in {watch.Elapsed.TotalSeconds:F1} s");

        // Clear what the demo data has due, then time passes with nothing due (half an hour in: nothing due or at risk).
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await monitor.RunOnceAsync(CancellationToken.None);
        var idle = new List<double>(idlePasses);
        for (var i = 0; i < idlePasses + 20; i++)
        {
            watch.Restart();
            var outcome = await monitor.RunOnceAsync(CancellationToken.None);
            if (outcome.Total != 0)
            {
                throw new InvalidOperationException($"An idle pass recorded {outcome}.");
            }

            if (i >= 20)
            {
                idle.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        idle.Sort();
        Console.WriteLine($"idle pass over {open:N0} open deadlines ({idlePasses} passes after 20 warm-up): " +
            $"median {idle[idle.Count / 2]:F2} ms, mean {idle.Average():F2} ms, p95 {idle[(int)(idle.Count * 0.95)]:F2} ms, max {idle[^1]:F2} ms");

        // --warm-up N --warm-up-rounds R: R groups of N deadlines fall due an hour before the timed group, three
        // minutes apart, each in a pass of its own. A monitor that has been running has compiled its breach path long
        // ago; after a start its first breaches run tier-0 code, and the runtime then recompiles what is hot — per
        // request at once, per batch only after dozens of batches (with dynamic PGO: instrumented first, optimised
        // next) — in the background, during the following passes. Every round prints what the JIT did in it: with the
        // defaults (ten rounds of ten batches) it falls from thousands of methods to a handful by the fifth round, and
        // the timed pass then runs on steady-state code. --warm-up-rounds 0 times the cold code instead.
        app.Clock.Advance(TimeSpan.FromMinutes(32)); // a minute more than needed: the first group's escalation (an hour after its breach) stays after the timed pass
        for (var round = 0; round < warmUpRounds && warmUp > 0; round++)
        {
            var roundCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (methods, jit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            watch.Restart();
            var warmed = await monitor.RunOnceAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // the background recompilations of this round
            methods = JitInfo.GetCompiledMethodCount() - methods;
            Console.WriteLine($"warm-up pass {round + 1}{(round == 0 ? " (the first breaches since start: cold code)" : string.Empty)}: {warmed.Breaches:N0} breaches, {warmed.Warnings:N0} warnings in " +
                $"{watch.Elapsed.TotalMilliseconds - 500:N0} ms, app CPU time {(Process.GetCurrentProcess().TotalProcessorTime - roundCpu).TotalMilliseconds:N0} ms; " +
                $"JIT: {methods:N0} methods compiled in {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:N0} ms");
            app.Clock.Advance(TimeSpan.FromMinutes(3));
        }

        // The template's instant plus a minute: the due group (and the template itself) is past due.
        app.Clock.SetUtcNow(templateDueAt + TimeSpan.FromMinutes(1));
        var before = await CountsAsync(contexts);
        var setBasedBefore = monitor.SetBasedBatches;
        // The app's own CPU time alongside the wall clock: on this shared machine the wall clock follows the neighbours' load.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (jitMethods, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        var (gcPause, gen0, gen2, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var databaseCpu = await DatabaseCpuAsync(contexts);
        watch.Restart();
        // --parallel N: N passes at once, as N app instances would run them (each claims its own batches, SKIP LOCKED).
        var passes = await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(() => monitor.RunOnceAsync(CancellationToken.None))));
        var recorded = passes.Aggregate(default(MonitorOutcome), (sum, pass) => sum + pass);
        var elapsed = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        (jitMethods, jitTime) = (JitInfo.GetCompiledMethodCount() - jitMethods, JitInfo.GetCompilationTime() - jitTime);
        (gcPause, gen0, gen2, allocated) = (GC.GetTotalPauseDuration() - gcPause, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalAllocatedBytes() - allocated);
        databaseCpu = await DatabaseCpuAsync(contexts) - databaseCpu;
        var after = await CountsAsync(contexts);
        var added = (Breaches: after.Breaches - before.Breaches, Penalties: after.Penalties - before.Penalties, Notifications: after.Notifications - before.Notifications, Timeline: after.Timeline - before.Timeline);
        Console.WriteLine($"due pass written set-based in {monitor.SetBasedBatches - setBasedBefore:N0} batches, through SaveChanges in the others; " +
            $"app CPU time {cpu.TotalMilliseconds:N0} ms (all threads; JIT: {jitMethods:N0} methods compiled in {jitTime.TotalMilliseconds:N0} ms; " +
            $"GC: {allocated / (1024 * 1024):N0} MiB allocated, {gen0:N0} collections ({gen2:N0} of generation 2) pausing {gcPause.TotalMilliseconds:N0} ms)" +
            (databaseCpu is { } db ? $"; PostgreSQL backends' CPU time {db.TotalMilliseconds:N0} ms (this database's server processes, from /proc)" : string.Empty));
        Console.WriteLine($"due pass: {recorded.Breaches:N0} breaches, {recorded.Escalations:N0} escalation steps, {recorded.Warnings:N0} warnings in {elapsed.TotalMilliseconds:N0} ms " +
            $"({monitor.BatchSize} requests per batch, up to {monitor.PeakBatchesInFlight} batches in flight, {parallel} pass(es) at once); rows added: {added.Breaches:N0} breaches, {added.Penalties:N0} penalty lines, {added.Notifications:N0} notifications, {added.Timeline:N0} timeline entries");
        if (added.Breaches < due || added.Penalties < due || added.Notifications < due)
        {
            throw new InvalidOperationException("The due pass did not record every breach, penalty and notification.");
        }

        return 0;
    }

    /// <summary>A technical-support request by the demo customer on PO-2026-0001: pending receipt, Receive due in 2 h.</summary>
    private static async Task<Guid> FileTemplateRequestAsync(BenchApp app)
    {
        using var client = app.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "customer", password = "Demo@2026" });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await client.PostAsJsonAsync("/api/v1/service-requests", new
        {
            orderNumber = "PO-2026-0001",
            type = "technicalSupport",
            symptom = "基准测试模板",
            occurredAt = "2026-11-20T08:00:00+08:00",
            impact = "无",
            selfChecks = "无",
            requestedResolution = "remote",
            urgency = "normal",
            contact = new { name = "张工", phone = "13800000000" },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Copies the template request and its open Receive deadline <paramref name="count"/> times in two INSERT … SELECT statements.</summary>
    private static async Task CloneAsync(IDbContextFactory<AppDbContext> contexts, string provider, Guid template, int count, int due, int warmUp, int warmUpRounds)
    {
        await using var db = contexts.CreateSystemContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var deadline = await db.Deadlines.AsNoTracking().Where(d => d.ServiceRequestId == template && d.Kind == DeadlineKind.Receive).Select(d => d.Id).SingleAsync();
        var postgres = string.Equals(provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase);
        var requestColumns = await ColumnsAsync(db, postgres, "ServiceRequests");
        var deadlineColumns = await ColumnsAsync(db, postgres, "Deadlines");
        var later = TimeSpan.FromDays(30);

        string Select(IEnumerable<string> columns, IReadOnlyDictionary<string, string> replaced, string alias) =>
            string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var expression) ? expression : $"{alias}.\"{c}\""));
        string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

        if (postgres)
        {
            var requestId = "md5('r' || g::text)::uuid";
            await ExecuteAsync(db, $"""
                INSERT INTO "ServiceRequests" ({List(requestColumns)})
                SELECT {Select(requestColumns, new Dictionary<string, string> { ["Id"] = requestId, ["Number"] = "'BM-' || g::text" }, "t")}
                FROM "ServiceRequests" t CROSS JOIN generate_series(1, {count}) g WHERE t."Id" = '{template}'
                """);
            var shift = $"CASE WHEN g <= {due} THEN interval '0' WHEN g <= {due + (warmUp * warmUpRounds)} THEN (3 * ((g - {due} - 1) / {Math.Max(1, warmUp)}) - 60) * interval '1 minute' ELSE {later.TotalDays} * interval '1 day' END";
            await ExecuteAsync(db, $"""
                INSERT INTO "Deadlines" ({List(deadlineColumns)})
                SELECT {Select(deadlineColumns, new Dictionary<string, string>
                {
                    ["Id"] = "md5('d' || g::text)::uuid",
                    ["ServiceRequestId"] = requestId,
                    ["DueAt"] = $"d.\"DueAt\" + {shift}",
                    ["WarningAt"] = $"d.\"WarningAt\" + {shift}",
                }, "d")}
                FROM "Deadlines" d CROSS JOIN generate_series(1, {count}) g WHERE d."Id" = '{deadline}'
                """);
            // VACUUM as well as ANALYZE: a live table has been vacuumed; a million freshly copied rows have not, and
            // autovacuum would otherwise start on them in the middle of the timed passes (one run took 6 s instead of 1.8).
            await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "ServiceRequests", "Deadlines";""");
            return;
        }

        // SQLite: GUIDs are upper-case text, instants UTC ticks.
        const string Guid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        await ExecuteAsync(db, $"""
            CREATE TEMP TABLE bm AS WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count})
            SELECT g, {Guid} AS rid, {Guid} AS did FROM s
            """);
        await ExecuteAsync(db, $"""
            INSERT INTO "ServiceRequests" ({List(requestColumns)})
            SELECT {Select(requestColumns, new Dictionary<string, string> { ["Id"] = "bm.rid", ["Number"] = "'BM-' || bm.g" }, "t")}
            FROM "ServiceRequests" t CROSS JOIN bm WHERE t."Id" = '{template.ToString().ToUpperInvariant()}'
            """);
        var ticks = $"(CASE WHEN bm.g <= {due} THEN 0 WHEN bm.g <= {due + (warmUp * warmUpRounds)} THEN (3 * ((bm.g - {due} - 1) / {Math.Max(1, warmUp)}) - 60) * {TimeSpan.TicksPerMinute} ELSE {later.Ticks} END)";
        await ExecuteAsync(db, $"""
            INSERT INTO "Deadlines" ({List(deadlineColumns)})
            SELECT {Select(deadlineColumns, new Dictionary<string, string>
            {
                ["Id"] = "bm.did",
                ["ServiceRequestId"] = "bm.rid",
                ["DueAt"] = $"d.\"DueAt\" + {ticks}",
                ["WarningAt"] = $"d.\"WarningAt\" + {ticks}",
            }, "d")}
            FROM "Deadlines" d CROSS JOIN bm WHERE d."Id" = '{deadline.ToString().ToUpperInvariant()}'
            """);
        await ExecuteAsync(db, "DROP TABLE bm; ANALYZE;");
    }

    /// <summary>
    /// CPU time used so far by the PostgreSQL server processes serving this database (user + system, from
    /// /proc/PID/stat): the server runs on this machine, and the app's pooled connections keep their backends for the
    /// whole pass. Null on SQLite or where /proc cannot be read.
    /// </summary>
    private static async Task<TimeSpan?> DatabaseCpuAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = contexts.CreateSystemContext();
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var pids = await db.Database.SqlQuery<int>($"SELECT pid AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync();
        var ticks = 0L;
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command's closing parenthesis: state is field 3, utime 14 and stime 15 (clock ticks, 100 a second).
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // A backend that ended meanwhile (or a server on another machine): counted as nothing.
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>SQL built here from the catalog's column names, GUIDs and numbers only: nothing from outside.</summary>
    private static Task<int> ExecuteAsync(AppDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    private static async Task<List<string>> ColumnsAsync(AppDbContext db, bool postgres, string table) =>
        postgres
            ? await db.Database.SqlQuery<string>($"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = {table} ORDER BY ordinal_position").ToListAsync()
            : await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})").ToListAsync();

    private static async Task<(int Breaches, int Penalties, int Notifications, int Timeline)> CountsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = contexts.CreateSystemContext();
        return (await db.DeadlineBreaches.CountAsync(), await db.LedgerEntries.CountAsync(l => l.BreachId != null), await db.Notifications.CountAsync(), await db.TimelineEntries.CountAsync());
    }

    /// <summary>The app in-process with a fake clock at the tests' start (2026-11-23 09:00 +08:00), monitor worker off.</summary>
    private sealed class BenchApp(string provider, string connection, string dataDirectory, bool trace) : WebApplicationFactory<DeadlineMonitor>
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:AfterSales", connection);
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("Deadlines:MonitorIntervalSeconds", "0");
            builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning)
                .AddFilter(typeof(DeadlineMonitor).FullName, trace ? LogLevel.Debug : LogLevel.Warning));
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
