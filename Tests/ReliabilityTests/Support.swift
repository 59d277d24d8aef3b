import Foundation
import Synchronization
import Testing

/// Paths, the built binary and scratch folders for the reliability tests.
enum Reliability {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The hostile-input corpus.
    static let corpus = root.appendingPathComponent("Tests/ReliabilityTests/Fixtures/hostile")

    /// The `baligraph` binary built beside the test bundle (with the same sanitizer, if any).
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("baligraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/baligraph")
    }()

    /// A new empty folder, removed by the caller with ``remove(_:)``.
    static func scratch(_ label: String = "rel") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baligraph-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// The files of a folder, sorted by name.
    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}

/// One run of the binary.
struct Run: Sendable {
    var stdout: String
    var stderr: String
    /// The exit code, or the signal number when `signalled`.
    var status: Int32
    /// True when the process died of a signal (a crash, or the watchdog's kill).
    var signalled: Bool
    /// True when the watchdog had to kill it.
    var timedOut: Bool
    /// Wall-clock seconds.
    var seconds: Double

    /// A crash, a hang or an exit code other than 0, 1 and 64.
    var misbehaved: String? {
        if timedOut { return "hung (killed after \(Int(seconds)) s)" }
        if signalled { return "crashed with signal \(status)" }
        if ![0, 1, 64].contains(status) { return "exited with \(status)" }
        return nil
    }
}

enum Binary {
    /// Runs `baligraph` with `arguments` in `directory`, killing it after `timeout` seconds.
    static func run(
        _ arguments: [String], in directory: URL? = nil, timeout: Double = 60,
        environment extra: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = Reliability.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        // (finished, killed): the kill happens under the lock, never after the exit.
        let state = Mutex((false, false))
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            state.withLock {
                guard !$0.0 else { return }
                $0.1 = true
                kill(pid, SIGKILL)
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let group = DispatchGroup()
        let errData = Mutex(Data())
        group.enter()
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errData.withLock { $0 = data }
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        let wasKilled = state.withLock {
            $0.0 = true
            return $0.1
        }
        return Run(
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self),
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal, timedOut: wasKilled,
            seconds: Date().timeIntervalSince(started))
    }
}
