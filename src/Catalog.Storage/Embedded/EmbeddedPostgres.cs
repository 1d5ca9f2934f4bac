using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Storage.Embedded;

/// <summary>
/// A private PostgreSQL cluster the tooling creates and starts itself: initdb on first use, then pg_ctl start on a
/// loopback port with a generated password. When this process is root the cluster runs as <see cref="EmbeddedPostgresOptions.OsUser"/>,
/// because PostgreSQL refuses to run as root. Several processes may call <see cref="StartAsync"/> at once: a lock
/// file makes one of them start the server and the others reuse it.
/// </summary>
public sealed class EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger? logger = null)
{
    private const string SuperUser = "catalog";
    private readonly ILogger log = logger ?? NullLogger.Instance;
    private readonly string bin = PostgresBinaries.Locate(options.BinDirectory);

    public string DataDirectory { get; } = Path.GetFullPath(options.DataDirectory ?? throw new ArgumentException("DataDirectory is required.", nameof(options)));

    private string ClusterDirectory => Path.Combine(DataDirectory, "data");
    private string PasswordFile => Path.Combine(DataDirectory, "password");
    private string LogFile => Path.Combine(DataDirectory, "postgres.log");
    private static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>Creates the cluster if needed, starts it if it is not running, and returns a connection string to its database.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DataDirectory);
        await using var startLock = await AcquireLockAsync(cancellationToken);
        if (RunningAsRoot) GrantTraversalToOsUser();
        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"))) await InitAsync(cancellationToken);
        var port = await RunningPortAsync(cancellationToken) ?? await StartServerAsync(cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = SuperUser, Password = (await File.ReadAllTextAsync(PasswordFile, cancellationToken)).Trim(),
            // No pooling for this one-off admin connection: a pooled one would be stale after the cluster restarts.
            Database = "postgres", Timeout = 30, Pooling = false,
        };
        await EnsureDatabaseAsync(builder.ConnectionString, options.Database, cancellationToken);
        builder.Database = options.Database;
        builder.Pooling = true;
        return builder.ConnectionString;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid"))) return;
        await PgCtlAsync(["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken, throwOnFailure: false);
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Creating the embedded PostgreSQL cluster in {Directory}", ClusterDirectory);
        if (Directory.Exists(ClusterDirectory)) Directory.Delete(ClusterDirectory, recursive: true);
        Directory.CreateDirectory(ClusterDirectory);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(PasswordFile, password, cancellationToken);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // initdb reads the password from a file the cluster's user can read; it is removed right after.
        var initPasswordFile = Path.Combine(DataDirectory, "initdb.pw");
        await File.WriteAllTextAsync(initPasswordFile, password, cancellationToken);
        try
        {
            if (RunningAsRoot) await ChownAsync(cancellationToken, DataDirectory);
            await RunAsClusterUserAsync(Path.Combine(bin, "initdb"),
                ["-D", ClusterDirectory, "-U", SuperUser, "--pwfile", initPasswordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                cancellationToken);
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "shared_buffers = '256MB'",
            "work_mem = '16MB'",
            "maintenance_work_mem = '256MB'",
            "logging_collector = off",
            // The portal's statements are interactive: compiling one with JIT (30-50 ms once the planner's cost
            // passes jit_above_cost, as search and page queries do at a million entities) costs more than it saves.
            "jit = off",
        };
        if (options.Ephemeral) settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        await File.AppendAllLinesAsync(Path.Combine(ClusterDirectory, "postgresql.conf"), ["", "# Catalog embedded defaults", .. settings], cancellationToken);
    }

    private async Task<int> StartServerAsync(CancellationToken cancellationToken)
    {
        var port = options.Port != 0 ? options.Port : PreviousPortIfFree() ?? FreePort();
        log.LogInformation("Starting the embedded PostgreSQL on 127.0.0.1:{Port}", port);
        if (RunningAsRoot) await ChownAsync(cancellationToken, DataDirectory);
        await PgCtlAsync(["start", "-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {port}"], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "port"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return port;
    }

    /// <summary>The port of a server already running on this cluster, read from postmaster.pid; null when none runs.</summary>
    private async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var (exitCode, _) = await PgCtlAsync(["status", "-D", ClusterDirectory], cancellationToken, throwOnFailure: false);
        if (exitCode != 0) return null;
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private int? PreviousPortIfFree()
    {
        var file = Path.Combine(DataDirectory, "port");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file), out var port) && IsFree(port) ? port : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task EnsureDatabaseAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase || e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our CREATE.
        }
    }

    private Task<(int, string)> PgCtlAsync(string[] arguments, CancellationToken cancellationToken, bool throwOnFailure = true) =>
        RunAsClusterUserAsync(Path.Combine(bin, "pg_ctl"), arguments, cancellationToken, throwOnFailure);

    private Task<(int, string)> RunAsClusterUserAsync(string program, string[] arguments, CancellationToken cancellationToken, bool throwOnFailure = true) =>
        RunningAsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", options.OsUser, "--", program, .. arguments], cancellationToken, throwOnFailure)
            : ProcessRunner.RunAsync(program, arguments, cancellationToken, throwOnFailure);

    private Task ChownAsync(CancellationToken cancellationToken, string directory) =>
        ProcessRunner.RunAsync("chown", ["-R", $"{options.OsUser}:", directory], cancellationToken);

    /// <summary>
    /// The cluster's user must be able to reach the data folder. A fresh clone in a <c>mktemp -d</c> folder is 0700,
    /// so when running as root, grant only traversal (o+x, not read) on the ancestors that lack it.
    /// </summary>
    private void GrantTraversalToOsUser()
    {
        for (var dir = Directory.GetParent(DataDirectory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if ((mode & UnixFileMode.OtherExecute) != 0) continue;
            log.LogInformation("Granting traversal (o+x) on {Directory} so the {User} user can reach the embedded cluster", dir.FullName, options.OsUser);
            File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(DataDirectory, "start.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
