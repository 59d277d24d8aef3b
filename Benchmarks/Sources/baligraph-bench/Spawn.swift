#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a spawned child's standard output goes.
enum ChildOutput {
    /// `/dev/null`: for timing whole processes.
    case discard
    /// A pipe the parent reads to the end (a child measurement's JSON).
    case capture
}

/// One finished child process.
struct ChildRun {
    /// The exit code, or 128 + the signal number when a signal ended it.
    var status: Int32
    /// From just before `posix_spawn` to just after `wait4` returned, in milliseconds.
    var milliseconds: Double
    /// The child's peak resident set size (`ru_maxrss` from `wait4`), in KiB.
    var peakRSSKiB: Int
    /// What the child wrote to standard output, when it was captured.
    var output: [UInt8]
}

/// A failure to start a child at all.
struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Monotonic time in nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Starts `arguments[0]` (looked up on `PATH` when it has no slash) with `posix_spawnp`, and
/// waits for it with `wait4`, which blocks in the kernel and returns this child's own resource
/// usage. (Foundation's `Process.waitUntilExit` polls in 50 ms slices on Linux, too coarse for
/// processes that live a few milliseconds.) Standard input and standard error are
/// `/dev/null`; standard output is discarded or captured.
func spawnAndWait(_ arguments: [String], output: ChildOutput) throws(SpawnError) -> ChildRun {
    precondition(!arguments.isEmpty, "no program to run")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var fds: [Int32] = [-1, -1]
    switch output {
    case .discard:
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    case .capture:
        guard pipe(&fds) == 0 else {
            throw SpawnError(description: "pipe failed: errno \(errno)")
        }
        // Only this child gets the pipe (as its standard output, through dup2).
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    }
    let cStrings = arguments.map { strdup($0) }
    defer {
        for c in cStrings { free(c) }
    }
    var argv: [UnsafeMutablePointer<CChar>?] = cStrings + [nil]

    var pid: pid_t = 0
    let start = monotonicNanoseconds()
    let rc = posix_spawnp(&pid, cStrings[0]!, &actions, nil, &argv, environ)
    if fds[1] >= 0 { close(fds[1]) }
    guard rc == 0 else {
        if fds[0] >= 0 { close(fds[0]) }
        throw SpawnError(
            description: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))")
    }
    var captured: [UInt8] = []
    if fds[0] >= 0 {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 {
                captured.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let end = monotonicNanoseconds()
    let signal = status & 0x7f
    let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
    return ChildRun(
        status: code, milliseconds: Double(end - start) / 1e6,
        peakRSSKiB: Int(usage.ru_maxrss), output: captured)
}

/// The peak resident set size of this process so far (`VmHWM`), in KiB, or 0 when
/// `/proc/self/status` cannot be read.
func currentPeakRSSKiB() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0 {
        guard let line else { break }
        let text = String(cString: line)
        if text.hasPrefix("VmHWM:") {
            let digits = text.filter(\.isNumber)
            return Int(digits) ?? 0
        }
    }
    return 0
}
