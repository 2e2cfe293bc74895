using AfterSales.Data;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Database wiring: SQLite file by default, PostgreSQL by one setting (Database:Provider + ConnectionStrings:AfterSales).
/// Contexts come from a pool (ARCHITECTURE §6) and are handed the caller's <see cref="DataScope"/> per unit of work.
/// </summary>
public static class Database
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = configuration.GetConnectionString("AfterSales");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("ConnectionStrings:AfterSales is required for PostgreSQL.");
            }

            var dataDirectory = DataDirectory(configuration, environment);
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "aftersales.db")}";
        }

        if (string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            // Concurrent writers wait for the lock instead of failing at once.
            connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString();
        }

        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            DatabaseProviders.Configure(options, provider, connectionString);
            options.AddInterceptors(new AuditInterceptor(sp.GetRequiredService<TimeProvider>()));
            if (environment.IsDevelopment())
            {
                options.EnableSensitiveDataLogging();
            }
        });
        services.AddScoped<DataScope>();
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            db.Scope = sp.GetRequiredService<DataScope>();
            return db;
        });
        services.AddScoped<CallerContext>();
        return services;
    }

    /// <summary>Where the SQLite file and attachments live: Storage:DataDirectory, default "data" under the content root.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, "data") : Path.Combine(environment.ContentRootPath, configured));
    }

    /// <summary>A context that sees every organisation's rows, for the system's own jobs (startup, monitor).</summary>
    public static AppDbContext CreateSystemContext(this IDbContextFactory<AppDbContext> factory)
    {
        var db = factory.CreateDbContext();
        db.Scope = DataScope.System();
        return db;
    }
}
