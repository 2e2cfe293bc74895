using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AfterSales.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Deadlines;

/// <summary>
/// R-SLA-4 "… and across restarts": the real app, started as its own process (dotnet exec of the built
/// AfterSales.Web.dll), works through a backlog of overdue deadlines, is killed mid-way, started again, and after
/// catching up every due deadline has exactly one breach, one deposit penalty per late response and one
/// notification per recipient and event — none missing, none twice. Runs on SQLite and on PostgreSQL.
/// </summary>
public sealed class KillRestartTests
{
    private const int Backlog = 120;
    private const int BatchSize = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_app_killed_mid_batch_catches_up_after_restart_with_every_breach_and_penalty_recorded_once()
    {
        // The backlog: requests filed through the API on the test clock (2026-11-23 09:00 +08:00); their 2-hour
        // Receive deadlines are long overdue on the child process's real clock.
        await using var seeder = new SharedDatabaseApp(null, BatchSize);
        Assert.SkipWhen(seeder.UnavailableReason is not null, seeder.UnavailableReason ?? string.Empty);
        await seeder.InitializeAsync();
        Assert.True(DateTimeOffset.UtcNow > AfterSalesApp.StartTime.AddDays(8), "the backlog is overdue only after the test clock's start plus every preset target");
        var customer = await seeder.ClientForAsync("customer");
        using (var throttle = new SemaphoreSlim(6))
        {
            await Task.WhenAll(Enumerable.Range(0, Backlog).Select(async _ =>
            {
                await throttle.WaitAsync(Ct);
                try
                {
                    using var response = await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote"));
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }

        var connectionString = seeder.ConnectionString;
        var dataDirectory = seeder.Services.GetRequiredService<IConfiguration>()["Storage:DataDirectory"]!;
        var due = await CountAsync(seeder, db => db.Deadlines.CountAsync(d => d.ClosedAt == null && d.BreachRecordedAt == null && d.PausedAt == null, Ct));
        Assert.True(due >= Backlog, $"{due} open deadlines");

        // First run: killed once some batches are committed and others are not.
        var atKill = 0;
        using (var app = ChildApp.Start(connectionString, dataDirectory))
        {
            // Watched from the start, not from readiness: the monitor's first pass begins while the app is still
            // starting, and on a loaded machine /health/ready can answer after the backlog is done.
            var deadline = DateTime.UtcNow.AddSeconds(40);
            while ((atKill = await CountAsync(seeder, db => db.DeadlineBreaches.CountAsync(Ct))) < 2 * BatchSize)
            {
                Assert.True(DateTime.UtcNow < deadline && !app.HasExited, $"{atKill} breaches recorded in 40 s: {app.Output}");
                await Task.Delay(10, Ct);
            }

            app.Kill();
        }

        var afterKill = await CountAsync(seeder, db => db.DeadlineBreaches.CountAsync(Ct));
        Assert.True(atKill >= 2 * BatchSize && afterKill < due, $"killed with {afterKill} of {due} breaches recorded: not mid-backlog");

        // Second run: catches up from where the first one died.
        using (var app = ChildApp.Start(connectionString, dataDirectory))
        {
            await app.WaitUntilReadyAsync(Ct);
            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (await RemainingAsync(seeder) > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"catch-up did not finish: {await RemainingAsync(seeder)} deadlines or escalations left; {app.Output}");
                await Task.Delay(100, Ct);
            }

            app.Kill();
        }

        await ExactlyOnce.AssertAsync(seeder.Services, DateTimeOffset.UtcNow, Ct);
    }

    /// <summary>Overdue deadlines not yet breached, and escalation steps due, as the real clock sees them.</summary>
    private static Task<int> RemainingAsync(AfterSalesApp app)
    {
        var now = DateTimeOffset.UtcNow;
        return CountAsync(app, db => db.Deadlines.CountAsync(d =>
            (d.ClosedAt == null && d.BreachRecordedAt == null && d.PausedAt == null && d.DueAt < now) || (d.NextEscalationAt != null && d.NextEscalationAt <= now), Ct));
    }

    private static async Task<int> CountAsync(AfterSalesApp app, Func<AppDbContext, Task<int>> query)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext();
        return await query(db);
    }

    /// <summary>The built app in its own process on a free loopback port, with the monitor every second in small batches.</summary>
    private sealed class ChildApp : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private ChildApp(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static ChildApp Start(string connectionString, string dataDirectory)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort()}");
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AfterSales.Web.dll"));
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Urls"] = url.ToString();
            info.Environment["Database__Provider"] = TestDatabase.Provider;
            info.Environment["ConnectionStrings__AfterSales"] = connectionString;
            info.Environment["Storage__DataDirectory"] = dataDirectory;
            info.Environment["DemoData__Enabled"] = "false";
            info.Environment["Maintenance__JobIntervalSeconds"] = "0"; // maintenance scheduling is not what this test kills (R-MNT-1)
            info.Environment["Deadlines__MonitorIntervalSeconds"] = "1";
            info.Environment["Deadlines__MonitorBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // 24 batches, two in flight, each lane pausing 300 ms before its next: the first run is killed between
            // committed batches however fast the machine is.
            info.Environment["Deadlines__MonitorBatchPauseMilliseconds"] = "300";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet exec AfterSales.Web.dll did not start.");
            var app = new ChildApp(process, url);
            process.OutputDataReceived += (_, e) => app.Append(e.Data);
            process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
        {
            using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(40);
            while (true)
            {
                Assert.False(_process.HasExited, $"the app exited ({(_process.HasExited ? _process.ExitCode : 0)}): {Output}");
                Assert.True(DateTime.UtcNow < deadline, $"the app was not ready in 40 s: {Output}");
                try
                {
                    using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                await Task.Delay(50, cancellationToken);
            }
        }

        /// <summary>SIGKILL: no shutdown hooks, no flush — what a crash or an OOM kill does.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                if (_output.Length < 20_000)
                {
                    _output.AppendLine(line);
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
