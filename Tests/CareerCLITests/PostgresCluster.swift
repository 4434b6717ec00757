import Foundation
import Testing

/// A throwaway PostgreSQL cluster for the tests of the shared history: `initdb` into a
/// temporary folder (as the unprivileged `postgres` user when the tests run as root, since
/// initdb refuses root), listening on a Unix socket in that folder and on a loopback port,
/// with password logins only. Started once per test process on first use, stopped when the
/// process exits.
final class PostgresCluster: @unchecked Sendable {
    /// Debian keeps the server binaries under /usr/lib/postgresql/VERSION/bin: the newest.
    static let binaries: URL? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { FileManager.default.isExecutableFile(atPath: "\(root)/\($0)/bin/initdb") }
            .sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        return versions.last.map { URL(fileURLWithPath: "\(root)/\($0)/bin") }
    }()

    /// Why the PostgreSQL tests cannot run here, or nil when they can.
    static var missing: String? {
        binaries == nil
            ? "PostgreSQL's server binaries (initdb, pg_ctl) are not installed under /usr/lib/postgresql/*/bin; scripts/setup installs them"
            : nil
    }

    static let superuserPassword = "cluster-secret"
    /// Every test login's password.
    static let password = "pw"
    static let database = "careerpath"

    let folder: URL
    let port: Int
    private let bin: URL
    private(set) var running = false

    /// The cluster of this test process, started on first use.
    static let shared: Result<PostgresCluster, Error> = {
        do {
            let cluster = try PostgresCluster()
            try cluster.start()
            atexit { if case .success(let cluster) = PostgresCluster.shared { cluster.stop(removing: true) } }
            return .success(cluster)
        } catch {
            return .failure(error)
        }
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private init() throws {
        guard let bin = Self.binaries else { throw Failure(description: Self.missing!) }
        self.bin = bin
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("careerpath-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else { throw Failure(description: "running as root, and there is no user 'postgres' to run initdb as") }
            chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        let passwordFile = folder.appendingPathComponent("pwfile")
        try Data((Self.superuserPassword + "\n").utf8).write(to: passwordFile)
        if getuid() == 0, let user = getpwnam("postgres") { chown(passwordFile.path, user.pointee.pw_uid, user.pointee.pw_gid) }
        try run(
            "initdb", ["-D", dataFolder, "-U", "postgres", "-A", "scram-sha-256", "--pwfile", passwordFile.path, "-E", "UTF8", "--locale", "C.UTF-8"])
    }

    private var dataFolder: String { folder.appendingPathComponent("data").path }

    /// Runs one of the server's programs (as `postgres` when root) and waits for it.
    ///
    /// Through posix_spawn with every descriptor above standard error closed, not Foundation's
    /// Process: the server pg_ctl starts lives on, and would otherwise hold the descriptor
    /// Process watches for the end of its child (and the test runner's pipes) open.
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let path = bin.appendingPathComponent(program).path
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        let log = folder.appendingPathComponent("\(program).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeFrom3(&actions)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "\(command[0]) could not be started: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // Exited normally with 0 (WIFEXITED and WEXITSTATUS by hand: they are macros).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")) failed (\(status)): \(output.suffix(800))")
        }
        return output
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later; Swift does not see its
    /// declaration), else each descriptor open now.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    func start() throws {
        try run(
            "pg_ctl",
            [
                "-D", dataFolder, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "30", "-o",
                "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start",
            ])
        running = true
    }

    /// Stops the server at once (no waiting for clients); optionally removes the folder.
    func stop(removing: Bool = false) {
        if running {
            _ = try? run("pg_ctl", ["-D", dataFolder, "-m", "immediate", "-w", "stop"])
            running = false
        }
        if removing { try? FileManager.default.removeItem(at: folder) }
    }

    /// A URL for a login on the loopback port.
    func url(_ login: String, password: String = PostgresCluster.password, database: String = PostgresCluster.database) -> String {
        "postgres://\(login):\(password)@127.0.0.1:\(port)/\(database)"
    }

    var superuserURL: String { url("postgres", password: Self.superuserPassword) }

    /// Runs SQL through psql as a login, with ON_ERROR_STOP; returns the rows, unaligned,
    /// one per line, or the error.
    func psql(_ login: String, _ sql: String, password: String? = nil) -> (status: Int32, output: String, error: String) {
        let password = password ?? (login == "postgres" ? Self.superuserPassword : Self.password)
        return Self.psql(url: url(login, password: password, database: "postgres"), sql)
    }

    /// Runs one statement through psql at `url`, with none of this process's `PG*` variables,
    /// unaligned and tuples only, stopping at the first error.
    static func psql(url: String, _ sql: String) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("PG") { environment[name] = nil }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        ended.wait()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @discardableResult
    /// Rows of a query as the superuser (which row-level security never limits).
    func rows(_ sql: String, as login: String = "postgres") throws -> [String] {
        let result = psql(login, sql)
        guard result.status == 0 else { throw Failure(description: "psql as \(login): \(result.error)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    /// A new database owned by a new administrator login that may create roles, and the login
    /// roles named, each with the test password (made once per cluster; databases are new).
    func makeDatabase(_ name: String, administrator: String, logins: [String]) throws {
        var sql = ["DO $$ BEGIN"]
        for login in [administrator] + logins {
            sql.append(
                "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(login)') THEN CREATE ROLE \(login) LOGIN PASSWORD '\(Self.password)'; END IF;")
        }
        sql.append("END $$;")
        sql.append("ALTER ROLE \(administrator) CREATEROLE;")
        try rows(sql.joined(separator: "\n"))
        try rows("CREATE DATABASE \(name) OWNER \(administrator)")
    }

    /// Runs a process and waits for it through its termination handler: `waitUntilExit`
    /// spins a run loop that a test's thread never runs, and never returns.
    static func runAndWait(_ process: Process) throws {
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        ended.wait()
    }

    /// A free loopback TCP port, found by binding to port 0.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
