using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Web.Http;
using AfterSales.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on its own fresh database (migrations applied, demo data seeded) with a fake clock
/// starting Monday 2026-11-23 09:00 in Shanghai. One per test class.
/// </summary>
public class AfterSalesApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    // Bearer tokens live one hour on the app's clock; a test that moves the fake clock needs fresh ones.
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new();
    private readonly string _name = $"aftersales_{Guid.NewGuid():N}";
    private readonly string _dataDirectory;
    private readonly string? _connectionString;

    public AfterSalesApp()
    {
        (_connectionString, UnavailableReason) = TestDatabase.Create(_name);
        _dataDirectory = Path.Combine(Path.GetTempPath(), "aftersales-tests", _name);
        if (UnavailableReason is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI must run every test: {UnavailableReason}");
        }
    }

    public FakeTimeProvider Clock { get; } = new(StartTime);

    public string? UnavailableReason { get; }

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public DeadlineMonitor Monitor => Services.GetRequiredService<DeadlineMonitor>();

    public virtual ValueTask InitializeAsync()
    {
        if (UnavailableReason is null)
        {
            // Builds the host: migrations, roles, presets and demo data run now, not inside the first test.
            _ = Services;
        }

        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_connectionString is not null)
        {
            try
            {
                TestDatabase.Drop(_connectionString);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                // A leftover test database is harmless; the run's cluster or temp folder is thrown away.
            }
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>An API client signed in as one of the demo users (password Demo@2026).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var token = _tokens.TryGetValue(userName, out var cached) && Clock.GetUtcNow() - cached.IssuedAt < TokenReuse
            ? cached.Token
            : await SignInAsync(userName);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:AfterSales", _connectionString ?? string.Empty);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Deadlines:MonitorIntervalSeconds", "0");
        builder.UseSetting("Invoices:LateChargeIntervalSeconds", "0"); // issue 4 invoices: tests drive the accrual directly
        builder.UseSetting("Ratings:JobIntervalSeconds", "0"); // supplier ratings: tests drive the monthly job directly (R-RAT-1)
        builder.UseSetting("Maintenance:JobIntervalSeconds", "0"); // maintenance: tests drive the scheduler directly (R-MNT-1)
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private async Task<string> SignInAsync(string userName)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Demo@2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        _tokens[userName] = (token, Clock.GetUtcNow());
        return token;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}

/// <summary>Base of API test classes: skips with the reason when the class's database is not available here.</summary>
public abstract class ApiTest : IClassFixture<AfterSalesApp>
{
    protected ApiTest(AfterSalesApp app)
    {
        Assert.SkipWhen(app.UnavailableReason is not null, app.UnavailableReason ?? string.Empty);
        App = app;
    }

    protected AfterSalesApp App { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
