import Foundation
import StakeholderModel
import Testing

/// Hostile inputs too big to commit, generated into a scratch folder at test time: a 50 MB
/// model, a 10^5-node graph drawn with `dot`, thousands of broken references, megabyte ids,
/// a million brackets, and every truncation of the built-in model. Each must give a located
/// error (or a model), never a crash or a hang; the limits say how to proceed. There are no
/// timing assertions: a run that does not finish within its watchdog's generous bound (30 or
/// 60 s; each takes a few seconds in a debug build) is killed and reported as a hang.
@Suite("Generated hostile inputs", .serialized)
struct GeneratedInputTests {
    static let header = """
        format: baligraph/1
        title: Generated
        schema:
          kinds:
            state: {label: State, plural: States}
          relations:
            member-of: {label: is a member of, inverse: has member}
        sources:
          - {id: S1, title: A source}

        """

    /// Writes `count` copies of `chunk` after `prefix`, in one pass.
    static func write(_ url: URL, prefix: String, chunk: [UInt8], count: Int) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(prefix.utf8))
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        var block: [UInt8] = []
        block.reserveCapacity(chunk.count * 1024)
        for _ in 0..<1024 { block += chunk }
        var left = count
        while left > 0 {
            let n = min(left, 1024)
            try handle.write(contentsOf: n == 1024 ? block : Array(block.prefix(n * chunk.count)))
            left -= n
        }
    }

    @Test("a 50 MB model is refused at once, and the message says to use a CSV edge list")
    func fiftyMegabytes() throws {
        let dir = try Reliability.scratch("50mb")
        defer { Reliability.remove(dir) }
        let yaml = dir.appendingPathComponent("big.yaml")
        let line = Array("  - {id: n, kind: state, name: A fairly long name, sources: [S1]}\n".utf8)
        try Self.write(
            yaml, prefix: Self.header + "nodes:\n", chunk: line,
            count: 50 * 1_048_576 / line.count + 1)
        let size = try FileManager.default.attributesOfItem(atPath: yaml.path)[.size] as? Int
        #expect((size ?? 0) >= 50 * 1_048_576)
        let r = try Binary.run(["validate", "--data", yaml.path], timeout: 30)
        #expect(r.misbehaved == nil, "\(r.misbehaved ?? "")")
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("big.yaml:1:1: error: [too-large] the file is 50 MiB"), "\(r.stderr)")
        #expect(r.stderr.contains("limited to 16 MiB"))
        #expect(r.stderr.contains("use a CSV edge list"))

        // 50 MB of random bytes, as every format.
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for ext in ["yaml", "json", "graphml", "csv"] {
            let file = dir.appendingPathComponent("noise.\(ext)")
            try Self.write(file, prefix: "", chunk: noise, count: 50_000_000 / noise.count)
            let run = try Binary.run(["validate", "--data", file.path], timeout: 30)
            #expect(run.misbehaved == nil, "\(ext): \(run.misbehaved ?? "")")
            #expect(run.status == 1, "\(ext)")
            #expect(run.stderr.contains("noise.\(ext):"), "\(ext): not located: \(run.stderr)")
        }
    }

    @Test("a graph of 10^5 nodes asked to render with dot is refused before Graphviz starts")
    func hundredThousandNodes() throws {
        let dir = try Reliability.scratch("1e5")
        defer { Reliability.remove(dir) }
        let csv = dir.appendingPathComponent("big.csv")
        var text = "source,target\n"
        text.reserveCapacity(2_000_000)
        for i in 1..<100_000 { text += "n\(i / 3),n\(i)\n" }
        try text.write(to: csv, atomically: false, encoding: .utf8)
        let svg = dir.appendingPathComponent("big.svg")
        let r = try Binary.run(
            ["render", "--data", csv.path, "--kind", "node", "--engine", "dot", "-o", svg.path],
            timeout: 60)
        #expect(r.misbehaved == nil, "\(r.misbehaved ?? "")")
        #expect(r.status == 1)
        #expect(r.stderr.contains("[too-many] view 'view' selects 100000 nodes"), "\(r.stderr)")
        #expect(r.stderr.contains("--ego NODE --depth N"))
        #expect(r.stderr.contains("sfdp"))
        #expect(!FileManager.default.fileExists(atPath: svg.path))

        // Within the view limit but beyond what dot lays out in reasonable time: refused
        // with the engines that can draw it.
        let mid = dir.appendingPathComponent("mid.csv")
        var edges = "source,target\n"
        for i in 1..<800 { edges += "n\(i / 3),n\(i)\n" }
        try edges.write(to: mid, atomically: false, encoding: .utf8)
        let dot = try Binary.run(
            ["render", "--data", mid.path, "--kind", "node", "--engine", "dot", "-o", svg.path])
        #expect(dot.status == 1)
        #expect(
            dot.stderr.contains(
                "the diagram 'view' has 800 nodes and 799 edges; the dot layout is limited to 300 nodes"
            ), "\(dot.stderr)")
        #expect(dot.stderr.contains("--engine neato (up to 1000 nodes)"))
        #expect(!dot.stderr.contains("--engine circo"))
        #expect(!FileManager.default.fileExists(atPath: svg.path))
        let circo = try Binary.run(
            ["render", "--data", mid.path, "--kind", "node", "--engine", "circo", "-o", svg.path])
        #expect(circo.status == 1)
        #expect(circo.stderr.contains("the circo layout is limited to 100 nodes"))
        // The DOT itself is still written, for Graphviz's sfdp outside baligraph.
        let gv = dir.appendingPathComponent("mid.dot")
        let write = try Binary.run(
            ["render", "--data", mid.path, "--kind", "node", "--engine", "dot", "-o", gv.path])
        #expect(write.status == 0, "\(write.stderr)")
    }

    @Test("thousands of broken references and megabyte ids are reported in seconds")
    func brokenReferences() throws {
        let dir = try Reliability.scratch("refs")
        defer { Reliability.remove(dir) }
        var text = Self.header + "nodes:\n"
        for i in 0..<5_000 { text += "  - {id: n\(i), kind: state, name: N\(i), sources: [S1]}\n" }
        text += "edges:\n"
        for i in 0..<5_000 {
            text += "  - {from: m\(i), relation: member-of, to: n\(i), sources: [S1]}\n"
        }
        let refs = dir.appendingPathComponent("refs.yaml")
        try text.write(to: refs, atomically: false, encoding: .utf8)
        let r = try Binary.run(["validate", "--data", refs.path], timeout: 60)
        #expect(r.misbehaved == nil, "\(r.misbehaved ?? "")")
        #expect(r.status == 1)
        #expect(r.stderr.contains("refs.yaml: 5000 errors"), "\(r.stderr.suffix(300))")
        #expect(r.stderr.contains("refers to unknown node 'm0'\n    note: did you mean 'n0'"))

        // Two ids of 300,000 characters each: the edit distance of the pair is not computed.
        let long = dir.appendingPathComponent("long.yaml")
        let a = String(repeating: "a", count: 300_000)
        let b = String(repeating: "b", count: 300_000)
        try
            (Self.header + "nodes:\n  - {id: \(a), kind: state, name: A, sources: [S1]}\n"
            + "edges:\n  - {from: \(b), relation: member-of, to: \(a), sources: [S1]}\n")
            .write(to: long, atomically: false, encoding: .utf8)
        let l = try Binary.run(["validate", "--data", long.path], timeout: 60)
        #expect(l.misbehaved == nil, "\(l.misbehaved ?? "")")
        #expect(l.status == 1)
        #expect(l.stderr.contains("[invalid-id] invalid node id 'aaaa"))
    }

    @Test("a million nested brackets and a 20-level alias bomb are refused at their position")
    func nestingAndAliases() throws {
        let deep =
            String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)
        let d = NativeLoader.load(text: "note: it's\nx: " + deep, file: "deep.yaml")
        #expect(d.model == nil)
        #expect(d.diagnostics.map(\.formatted).first?.hasPrefix("deep.yaml:2:") == true)
        #expect(d.diagnostics.first?.code == .tooDeep)

        var bomb = "a0: &a0 [x, x]\n"
        for i in 1..<20 { bomb += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]\n" }
        bomb += "key:\n  ? *a19\n  : value\n"
        let b = NativeLoader.load(text: bomb, file: "bomb.yaml")
        #expect(b.model == nil)
        #expect(b.diagnostics.first?.code == .tooLarge)
        #expect(b.diagnostics.first?.message.contains("aliases") == true)
    }

    @Test("the built-in model cut at any point gives a located error or a model")
    func truncations() throws {
        let data = try Data(
            contentsOf: Reliability.root.appendingPathComponent("Data/bali-process.yaml"))
        let bytes = [UInt8](data)
        var cuts = Array(stride(from: 0, to: bytes.count, by: 1_499))
        // Inside multi-byte characters too.
        cuts += bytes.indices.filter { bytes[$0] >= 0xC0 }.prefix(20).map { $0 + 1 }
        for cut in cuts {
            let prefix = Array(bytes[..<cut])
            switch TextInput.decode(prefix, file: "cut.yaml") {
            case .failure(let d):
                #expect(d.location.line >= 1, "cut at \(cut): \(d.formatted)")
            case .success(let text):
                let result = NativeLoader.load(text: text, file: "cut.yaml")
                if result.model == nil {
                    let errors = result.diagnostics.filter { $0.severity == .error }
                    #expect(!errors.isEmpty, "cut at \(cut): no model and no error")
                    #expect(
                        errors.allSatisfy { $0.location.line >= 1 }, "cut at \(cut): unlocated")
                }
            }
        }
    }

    @Test("seeded byte flips in a valid model never crash the loader")
    func byteFlips() throws {
        let data = try Data(
            contentsOf: Reliability.root.appendingPathComponent("Tests/Fixtures/models/core.yaml"))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let specials: [UInt8] = Array("[]{}:-,'\"&*!|>#\n\t\\%@`".utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<300 {
            var bytes = [UInt8](data)
            for _ in 0..<(1 + Int(next() % 4)) {
                let at = Int(next() % UInt64(bytes.count))
                bytes[at] = specials[Int(next() % UInt64(specials.count))]
            }
            if case .success(let text) = TextInput.decode(bytes, file: "flip.yaml") {
                let result = NativeLoader.load(text: text, file: "flip.yaml")
                #expect(
                    result.model != nil || result.diagnostics.contains { $0.severity == .error })
            }
        }
    }
}
