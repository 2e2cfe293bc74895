using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AfterSales.Data;

/// <summary>
/// SQLite is the embedded default, PostgreSQL the production database (ADR 0002). Each has its own
/// migrations assembly because their column types differ (instants as ticks on SQLite).
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("AfterSales.Data.Postgres"));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("AfterSales.Data.Sqlite"));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        }

        builder.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
        return builder;
    }

    /// <summary>The model differs per provider (conventions), so it is cached per provider.</summary>
    private sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
    }
}
