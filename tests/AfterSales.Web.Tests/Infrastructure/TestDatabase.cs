using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AfterSales.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// The database a test class runs on. The same test sources compile twice: AfterSales.Web.Tests runs them on
/// SQLite, AfterSales.Web.Tests.Postgres (defines POSTGRES) on PostgreSQL — one database per test class.
/// </summary>
public static class TestDatabase
{
#if POSTGRES
    public static string Provider { get; } = DatabaseProviders.Postgres;
#else
    public static string Provider { get; } = DatabaseProviders.Sqlite;
#endif

    /// <summary>A fresh, empty database; null with a reason when this provider is not available here.</summary>
    public static (string? ConnectionString, string? Unavailable) Create(string name)
    {
        if (Provider == DatabaseProviders.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "aftersales-tests");
            Directory.CreateDirectory(directory);
            return ($"Data Source={Path.Combine(directory, name + ".db")}", null);
        }

        var admin = PostgresServer.AdminConnectionString;
        if (admin is null)
        {
            return (null, PostgresServer.UnavailableReason);
        }

        return (new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null);
    }

    public static void Drop(string connectionString)
    {
        if (Provider == DatabaseProviders.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// PostgreSQL for the tests: the server named by AFTERSALES_TEST_POSTGRES (what .ci/run starts), else a
/// throwaway cluster this process starts itself on 127.0.0.1 when PostgreSQL is installed. Outside CI a machine
/// without PostgreSQL skips these tests with the reason; in CI (CI=true) that is a failure.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<(string? Admin, string? Reason)> Server = new(Start);

    public static string? AdminConnectionString => Server.Value.Admin;

    public static string? UnavailableReason => Server.Value.Reason;

    private static (string? Admin, string? Reason) Start()
    {
        var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            return (null, "PostgreSQL is not installed (apt-get install postgresql) and AFTERSALES_TEST_POSTGRES is not set.");
        }

        var dataDir = Path.Combine(Path.GetTempPath(), $"aftersales-pg-{Environment.ProcessId}");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }

        Directory.CreateDirectory(dataDir);
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {dataDir}");
        }

        Run(asRoot ? "runuser" : Path.Combine(bin, "initdb"), (asRoot ? $"-u postgres -- {Path.Combine(bin, "initdb")} " : string.Empty) + $"-D {dataDir} -U postgres --auth=trust -E UTF8 --no-sync");
        var ctl = Path.Combine(bin, "pg_ctl");
        var start = $"-D {dataDir} -w -l {dataDir}/server.log -o \"-c listen_addresses=127.0.0.1 -p {port} -k /tmp -c fsync=off -c max_connections=300\" start";
        Run(asRoot ? "runuser" : ctl, (asRoot ? $"-u postgres -- {ctl} " : string.Empty) + start);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(asRoot ? "runuser" : ctl, (asRoot ? $"-u postgres -- {ctl} " : string.Empty) + $"-D {dataDir} -m immediate stop");
                Directory.Delete(dataDir, recursive: true);
            }
            catch (InvalidOperationException)
            {
            }
            catch (IOException)
            {
            }
        };
        return ($"Host=127.0.0.1;Port={port};Username=postgres;Include Error Detail=true", null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output}");
        }
    }
}
