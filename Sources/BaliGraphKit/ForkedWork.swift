import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Independent jobs spread over several processes: this one and forked copies of it.
///
/// Graphviz is not thread-safe, so drawing several diagrams at once takes several
/// processes. A forked copy already holds the loaded model and manifest, so it starts
/// without the cost of a new process. Jobs are handed out through a pipe of job numbers
/// (each process takes the next one when it is free, so a slow layout does not hold up the
/// others); each child sends its results back through a pipe of its own when it is done, and
/// the results are returned in job order, so the output does not depend on which process
/// did what.
///
/// Forking is only safe while the process has a single thread (another thread could hold a
/// lock the child would then wait on forever), so with more than one thread, or when a pipe
/// or a fork fails, the jobs run here, one after another.
enum ForkedWork {
    /// Why a job has no result.
    struct Lost: Error, Equatable {
        /// How the process that had taken the job ended (for example `signal 11`).
        var reason: String
    }

    /// Runs `job` for every number in `0..<count` on up to `processes` processes.
    ///
    /// - Parameters:
    ///   - count: the number of jobs.
    ///   - processes: the most processes to use, this one included (1 or less: only this one).
    ///   - job: the work; its bytes are the result. It runs in a child process for some jobs:
    ///     it must not rely on changing state in this one.
    /// - Returns: each job's result in job order, or why it was lost (its process died).
    static func map(count: Int, processes: Int, _ job: (Int) -> [UInt8]) -> [Result<
        [UInt8], Lost
    >] {
        let workers = min(processes, count)
        func allHere() -> [Result<[UInt8], Lost>] { (0..<count).map { .success(job($0)) } }
        guard workers > 1, count <= maxJobs, isSingleThreaded() else { return allHere() }
        var tokens: [Int32] = [-1, -1]
        guard pipe(&tokens) == 0 else { return allHere() }
        // Every job number is in the pipe before anyone reads; the write end is closed
        // before forking, so an empty pipe reads as the end.
        var numbers = [UInt8]()
        numbers.reserveCapacity(count * 4)
        for i in 0..<count { numbers.append(contentsOf: le32(UInt32(i))) }
        let written = writeAll(tokens[1], numbers)
        close(tokens[1])
        guard written else {
            close(tokens[0])
            return allHere()
        }

        var children: [(pid: pid_t, results: Int32)] = []
        fflush(nil)
        for _ in 1..<workers {
            var results: [Int32] = [-1, -1]
            guard pipe(&results) == 0 else { break }
            let pid = fork()
            if pid == 0 {
                // The child: take jobs until none are left, send the results, leave without
                // running exit handlers or flushing the parent's buffers a second time.
                close(results[0])
                for child in children { close(child.results) }
                var out = [UInt8]()
                while let i = claim(tokens[0]) {
                    let bytes = job(i)
                    out.append(contentsOf: le32(UInt32(i)))
                    out.append(contentsOf: le32(UInt32(bytes.count)))
                    out.append(contentsOf: bytes)
                }
                _ = writeAll(results[1], out)
                _exit(0)
            }
            close(results[1])
            if pid < 0 {
                close(results[0])
                break
            }
            children.append((pid, results[0]))
        }

        var outcome = [Result<[UInt8], Lost>?](repeating: nil, count: count)
        while let i = claim(tokens[0]) { outcome[i] = .success(job(i)) }
        close(tokens[0])
        var endings: [String] = []
        for child in children {
            let bytes = readAll(child.results)
            close(child.results)
            var status: Int32 = 0
            while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
            if status != 0 { endings.append(describe(status: status)) }
            var at = 0
            while at + 8 <= bytes.count {
                let i = Int(readLE32(bytes, at))
                let length = Int(readLE32(bytes, at + 4))
                at += 8
                guard i < count, at + length <= bytes.count else { break }
                outcome[i] = .success(Array(bytes[at..<(at + length)]))
                at += length
            }
        }
        // Jobs a child took but never reported: it died on one of them.
        let reason = endings.first ?? "its process ended before reporting it"
        return outcome.map { $0 ?? .failure(Lost(reason: reason)) }
    }

    /// The most jobs: their numbers must fit in a pipe's buffer (64 KiB on Linux) at once.
    static let maxJobs = 4096

    /// The next job number from the pipe, or nil when there are none left.
    private static func claim(_ fd: Int32) -> Int? {
        var word = [UInt8](repeating: 0, count: 4)
        while true {
            let n = word.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4) }
            if n == 4 { return Int(readLE32(word, 0)) }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Whether this process runs a single thread (Linux: one entry in `/proc/self/task`).
    static func isSingleThreaded() -> Bool {
        #if os(Linux)
            guard
                let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
            else { return false }
            return tasks.count == 1
        #else
            return false
        #endif
    }

    private static func describe(status: Int32) -> String {
        let signal = status & 0x7F
        if signal != 0 { return "its process ended with signal \(signal)" }
        return "its process exited with status \((status >> 8) & 0xFF)"
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        [
            UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF),
            UInt8(value >> 24),
        ]
    }

    private static func readLE32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
            | UInt32(bytes[at + 3]) << 24
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var at = 0
        while at < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + at, bytes.count - at) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            at += n
        }
        return true
    }

    private static func readAll(_ fd: Int32) -> [UInt8] {
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return out }
            out.append(contentsOf: buffer[0..<n])
        }
    }
}
