import Foundation
import Testing

@Suite("render, end to end")
struct RenderCLITests {
    @Test("the committed diagrams equal what render --all produces (render --all --check)")
    func check() throws {
        let r = try Runner.run(["render", "--all", "--check"], in: Runner.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("are up to date"))
    }

    @Test("render --all gives the same files and messages with one process or several")
    func jobs() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baligraph-jobs-\(getpid())")
        try? FileManager.default.removeItem(at: base)
        defer { try? FileManager.default.removeItem(at: base) }
        let views = Runner.root.appendingPathComponent("Graphs/views.yaml").path
        var outputs: [(files: [String: Data], messages: String)] = []
        for jobs in ["1", "3"] {
            let dir = base.appendingPathComponent(jobs)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let r = try Runner.run([
                "render", "--all", "--jobs", jobs, "--views", views, "--out-dir", dir.path,
            ])
            #expect(r.status == 0, "\(r.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
            outputs.append((files, r.stderr.replacingOccurrences(of: dir.path, with: "DIR")))
        }
        #expect(outputs[0].files.count == 7)
        #expect(outputs[0].files == outputs[1].files)
        #expect(outputs[0].messages == outputs[1].messages)
        #expect(outputs[0].messages.hasPrefix("wrote DIR/structure.svg"))
        let bad = try Runner.run(["render", "--all", "--jobs", "0"])
        #expect(bad.status == 64)
    }

    @Test("--check names a stale diagram and exits 1")
    func stale() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baligraph-stale-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let views = Runner.root.appendingPathComponent("Graphs/views.yaml").path
        let write = try Runner.run(["render", "--all", "--views", views, "--out-dir", dir.path])
        #expect(write.status == 0, "\(write.stderr)")
        try "<svg/>".write(
            to: dir.appendingPathComponent("rso.svg"), atomically: true, encoding: .utf8)
        let r = try Runner.run([
            "render", "--all", "--check", "--views", views, "--out-dir", dir.path,
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("rso.svg: differs"))
        #expect(!r.stderr.contains("structure.svg"))
    }

    @Test("PNG and PDF from the same command, by extension or --format; ad-hoc views")
    func formats() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baligraph-fmt-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("ego.png").path
        #expect(
            try Runner.run(["render", "--ego", "australia", "--depth", "1", "-o", png]).status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: png)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = dir.appendingPathComponent("path.out").path
        let r = try Runner.run([
            "render", "--path", "Sri Lanka", "New Zealand", "--format", "pdf", "-o", pdf,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Array("%PDF".utf8)))
        let svg = try Runner.run([
            "render", "--connectors", "--top", "5", "--as-of", "2012", "-o", "-",
        ])
        #expect(svg.status == 0)
        #expect(svg.stdout.hasPrefix("<?xml"))
    }

    @Test("two processes give byte-identical SVG")
    func acrossProcesses() throws {
        let a = try Runner.run(["render", "rso", "-o", "-", "--engine", "dot"])
        let b = try Runner.run(["render", "rso", "-o", "-", "--engine", "dot"])
        #expect(a.status == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test("bad views and engines are clear errors")
    func errors() throws {
        let unknown = try Runner.run(["render", "strucure", "-o", "-"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'structure'?"))
        let engine = try Runner.run(["render", "structure", "--engine", "fdp", "-o", "-"])
        #expect(engine.status == 64)
        let noOutput = try Runner.run(["render", "--ego", "australia"])
        #expect(noOutput.status == 64)
    }
}

@Suite("explore, end to end")
struct ExploreCLITests {
    @Test("the committed Graphs/explorer.html equals what explore writes now")
    func committedPageIsCurrent() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "explorer-\(getpid()).html")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try Runner.run(["explore", "-o", out.path], in: Runner.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("7 views"))
        let fresh = try Data(contentsOf: out)
        let committed = try Data(
            contentsOf: Runner.root.appendingPathComponent("Graphs/explorer.html"))
        #expect(
            fresh == committed, "run `make demo` (or baligraph explore -o Graphs/explorer.html)")
    }
}
