import Foundation
import Testing

@testable import BaliGraphKit

/// Every file baligraph writes goes to a temporary file in the same folder and is renamed
/// over the target: a failed, interrupted or killed run leaves the previous file as it was.
@Suite("Atomic outputs", .serialized)
struct AtomicOutputTests {
    static let previous = "previous content\n"

    /// The temporary files AtomicFile leaves behind: none after a failure, possibly one
    /// after a SIGKILL (nothing can remove it then; it never replaces the target).
    static func temporaries(in dir: URL) throws -> [String] {
        try Reliability.files(in: dir).filter { $0.hasPrefix(".") && $0.contains(".tmp-") }
    }

    @Test("a render or export that fails leaves the previous file untouched, and no temporary")
    func failedRuns() throws {
        let dir = try Reliability.scratch("atomic")
        defer { Reliability.remove(dir) }
        let svg = dir.appendingPathComponent("out.svg")
        let big = dir.appendingPathComponent("big.csv")
        var edges = "source,target\n"
        for i in 1..<800 { edges += "n\(i / 3),n\(i)\n" }
        try edges.write(to: big, atomically: false, encoding: .utf8)
        let bad = Reliability.corpus.appendingPathComponent("cycle-part-of.yaml").path

        let attempts: [[String]] = [
            // refused by a layout limit
            ["render", "--data", big.path, "--kind", "node", "-o", svg.path],
            // the model does not load
            ["render", "--data", bad, "--kind", "group", "-o", svg.path],
            ["export", "--data", bad, "--to", "graphml", "-o", svg.path],
            ["explore", "--data", bad, "-o", svg.path],
            // unknown view, unknown engine
            ["render", "no-such-view", "-o", svg.path],
            ["render", "structure", "--engine", "nope", "-o", svg.path],
        ]
        for arguments in attempts {
            try Self.previous.write(to: svg, atomically: false, encoding: .utf8)
            let r = try Binary.run(arguments, in: Reliability.root)
            #expect(r.misbehaved == nil, "\(arguments): \(r.misbehaved ?? "")")
            #expect(r.status != 0, "\(arguments) should fail")
            #expect(try String(contentsOf: svg, encoding: .utf8) == Self.previous, "\(arguments)")
            #expect(try Self.temporaries(in: dir).isEmpty, "\(arguments)")
        }

        // The target is a folder: the rename fails, the temporary is removed.
        let folder = dir.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let r = try Binary.run(["render", "structure", "-o", folder.path], in: Reliability.root)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write"), "\(r.stderr)")
        #expect(r.stderr.contains("note: the previous file, if any, is unchanged"))
        #expect(try Self.temporaries(in: dir).isEmpty)
    }

    @Test(
        "a write that fails midway (file size limit) leaves the previous file untouched",
        .disabled(
            if: ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil,
            "ThreadSanitizer's runtime faults (SIGBUS) under the file size limit itself"))
    func failedWrite() throws {
        let dir = try Reliability.scratch("efbig")
        defer { Reliability.remove(dir) }
        let svg = dir.appendingPathComponent("out.svg")
        try Self.previous.write(to: svg, atomically: false, encoding: .utf8)
        // At most 8 KiB per file, and SIGXFSZ ignored: writing the ~40 KB diagram fails
        // with EFBIG part of the way through the temporary file.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" render structure -o \"$1\"",
            Reliability.binary.path, svg.path,
        ]
        process.currentDirectoryURL = Reliability.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("cannot write"), "\(stderr)")
        #expect(stderr.contains("the previous file, if any, is unchanged"))
        #expect(try String(contentsOf: svg, encoding: .utf8) == Self.previous)
        #expect(try Self.temporaries(in: dir).isEmpty)
    }

    @Test("render --all killed at random moments leaves each diagram old or complete")
    func killedRuns() throws {
        let dir = try Reliability.scratch("killed")
        defer { Reliability.remove(dir) }
        let reference = dir.appendingPathComponent("reference")
        let target = dir.appendingPathComponent("target")
        // `render --all` writes into Graphs/ of the working folder: run it in copies.
        for folder in [reference, target] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Graphs"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Reliability.root.appendingPathComponent("Graphs/views.yaml"),
                to: folder.appendingPathComponent("Graphs/views.yaml"))
        }
        let done = try Binary.run(["render", "--all"], in: reference)
        #expect(done.status == 0, "\(done.stderr)")
        let names = try Reliability.files(in: reference.appendingPathComponent("Graphs"))
            .filter { $0.hasSuffix(".svg") }
        #expect(names.count >= 7)
        let complete = try Dictionary(
            uniqueKeysWithValues: names.map {
                ($0, try Data(contentsOf: reference.appendingPathComponent("Graphs/\($0)")))
            })
        let graphs = target.appendingPathComponent("Graphs")
        var kills = 0
        for trial in 0..<8 {
            for name in names {
                try Data(Self.previous.utf8).write(to: graphs.appendingPathComponent(name))
            }
            let process = Process()
            process.executableURL = Reliability.binary
            process.arguments = ["render", "--all"]
            process.currentDirectoryURL = target
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From before the first write to well into the run.
            usleep(UInt32(20_000 + trial * 60_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            for name in names {
                let bytes = try Data(contentsOf: graphs.appendingPathComponent(name))
                #expect(
                    bytes == Data(Self.previous.utf8) || bytes == complete[name],
                    "trial \(trial): \(name) is neither the previous file nor the complete one")
            }
            for name in try Self.temporaries(in: graphs) {
                try FileManager.default.removeItem(at: graphs.appendingPathComponent(name))
            }
        }
        #expect(kills > 0, "no run was killed: the machine is faster than the delays")
    }

    @Test("AtomicFile: a new folder is created; a folder in the way fails cleanly")
    func atomicFile() throws {
        let dir = try Reliability.scratch("unit")
        defer { Reliability.remove(dir) }
        let nested = dir.appendingPathComponent("a/b/c.txt")
        try AtomicFile.write("x", to: nested.path)
        #expect(try String(contentsOf: nested, encoding: .utf8) == "x")
        try AtomicFile.write("y", to: nested.path)
        #expect(try String(contentsOf: nested, encoding: .utf8) == "y")
        let blocker = dir.appendingPathComponent("file")
        try "z".write(to: blocker, atomically: false, encoding: .utf8)
        #expect(throws: BaliError.self) {
            try AtomicFile.write("w", to: blocker.appendingPathComponent("inside.txt").path)
        }
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "z")
        #expect(try Self.temporaries(in: dir).isEmpty)
    }
}
