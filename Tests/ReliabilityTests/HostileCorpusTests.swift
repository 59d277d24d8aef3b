import BaliGraphKit
import Foundation
import StakeholderModel
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every file in `Fixtures/hostile/` goes through the built binary the way a user would run
/// it, and what the binary says is compared with the file's `.expected` golden.
///
/// - a model (`*.yaml`, `*.json`, `*.graphml`, `*.csv`): `validate`; when it is valid, a
///   drawing of every node (`render --kind …` for each kind) whose SVG must pass the safety
///   scan, and exports to GraphML, GEXF and JSON that must be well-formed;
/// - a view manifest (`views-*.yaml`): `render --list --views`.
///
/// Each run must end with exit code 0, 1 or 64 within 60 s: never a signal, never a hang.
/// Re-record the goldens on purpose with `BALIGRAPH_RECORD=1`.
@Suite("Hostile inputs, end to end")
struct HostileCorpusTests {
    static let fixtures: [String] = {
        ((try? Reliability.files(in: Reliability.corpus)) ?? []).filter {
            !$0.hasSuffix(".expected") && !$0.hasPrefix(".") && $0 != "README.md"
        }
    }()

    @Test("the corpus covers every kind of hostile input the issue lists")
    func coverage() {
        #expect(Self.fixtures.count >= 30, "\(Self.fixtures)")
        for stem in [
            "truncated", "binary", "alias-bomb", "deep", "duplicate-keys", "markup-names",
            "url-schemes", "control-characters", "bidi-combining-emoji", "cycle", "self-loop",
            "own-co-chair", "impossible-dates",
        ] {
            #expect(Self.fixtures.contains { $0.hasPrefix(stem) }, "no fixture for \(stem)")
        }
    }

    @Test("each hostile input gives a located error or a correct result", arguments: fixtures)
    func fixture(_ name: String) throws {
        let out = try Reliability.scratch("hostile")
        defer { Reliability.remove(out) }
        var transcript = ""
        func run(_ arguments: [String]) throws -> Run {
            let r = try Binary.run(arguments, in: Reliability.corpus)
            #expect(r.misbehaved == nil, "\(name): baligraph \(arguments): \(r.misbehaved ?? "")")
            var text = "$ baligraph " + arguments.map(Self.shellQuoted).joined(separator: " ")
            text += "\nexit \(r.status)\n" + r.stdout + r.stderr
            transcript += Self.masked(text, scratch: out) + "\n"
            return r
        }

        if name.hasPrefix("views-") {
            _ = try run(["render", "--list", "--views", name])
            try Golden.check(transcript, against: Self.expected(name))
            return
        }
        let validate = try run(["validate", "--data", name])
        if validate.status == 0 {
            let loaded = ModelStore.importModel(
                Invocation(), path: Reliability.corpus.appendingPathComponent(name).path)
            let model = try #require(loaded.model, "\(name) validates but does not load")
            let svg = out.appendingPathComponent("drawing.svg")
            let render = try run(
                ["render", "--data", name] + model.schema.kinds.flatMap { ["--kind", $0.id] }
                    + ["-o", svg.path])
            if render.status == 0 {
                let text = try String(contentsOf: svg, encoding: .utf8)
                let findings = SVGScan.findings(text, mustParse: true)
                #expect(findings.isEmpty, "\(name): \(findings)")
                transcript += findings.isEmpty ? "SVG: safe\n" : "SVG: UNSAFE \(findings)\n"
            }
            for format in ["graphml", "gexf", "json"] {
                let file = out.appendingPathComponent("export.\(format)")
                let export = try run(["export", "--data", name, "--to", format, "-o", file.path])
                guard export.status == 0 else { continue }
                let data = try Data(contentsOf: file)
                if format == "json" {
                    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data) }
                } else {
                    let parser = XMLParser(data: data)
                    parser.shouldResolveExternalEntities = false
                    #expect(parser.parse(), "\(name): export to \(format) is not well-formed")
                }
            }
        }
        try Golden.check(transcript, against: Self.expected(name))
    }

    static func expected(_ name: String) -> URL {
        Reliability.corpus.appendingPathComponent(name + ".expected")
    }

    static func shellQuoted(_ argument: String) -> String {
        argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=".contains($0) }
            ? argument : "'" + argument + "'"
    }

    /// The transcript without what varies between runs: the scratch folder and file sizes.
    static func masked(_ text: String, scratch: URL) -> String {
        var text = text.replacingOccurrences(of: scratch.path + "/", with: "")
        text = text.replacingOccurrences(
            of: #"\(\d+(\.\d+)? (B|KB|KiB|MB)\)"#, with: "(SIZE)", options: .regularExpression)
        return text
    }
}
