import Foundation
import TestSupport
import Testing

@testable import StakeholderModel

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

private func invalidFixtures() -> [String] {
    let dir = fixtures.appendingPathComponent("invalid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
}

@Suite("Located validation")
struct DiagnosticsTests {
    @Test(
        "each invalid fixture gives exactly its expected diagnostics", arguments: invalidFixtures())
    func fixture(name: String) throws {
        let url = fixtures.appendingPathComponent("invalid/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let result = NativeLoader.load(text: text, file: name)
        let rendered = result.diagnostics.map(\.formatted).joined(separator: "\n") + "\n"
        let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
        try Golden.check(rendered, against: expectedURL)
        #expect(!result.diagnostics.isEmpty)
        if result.diagnostics.hasErrors {
            #expect(result.model == nil, "no half-valid model is returned")
        }
    }

    @Test("the fixtures cover every rule of the foundation")
    func coverage() throws {
        var codes = Set<DiagnosticCode>()
        for name in invalidFixtures() {
            let text = try String(
                contentsOf: fixtures.appendingPathComponent("invalid/\(name)"), encoding: .utf8)
            codes.formUnion(NativeLoader.load(text: text, file: name).diagnostics.map(\.code))
        }
        let required: [DiagnosticCode] = [
            .syntax, .unsupportedFormat, .duplicateID, .unknownKind, .unknownRelation, .unknownNode,
            .kindNotAllowed, .dateOrder, .invalidDate, .unknownSource, .unknownKey, .noSource,
            .aliasClash, .duplicateKey, .invalidURL, .selfLoop, .cycle, .missingKey, .wrongType,
            .invalidID, .invalidValue,
        ]
        for code in required {
            #expect(codes.contains(code), "no fixture exercises [\(code.rawValue)]")
        }
    }

    @Test("every problem is collected before stopping")
    func collectsAll() throws {
        let text = try String(
            contentsOf: fixtures.appendingPathComponent("invalid/many-problems.yaml"),
            encoding: .utf8)
        let result = NativeLoader.load(text: text, file: "m.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 6)
        #expect(result.diagnostics.filter { $0.severity == .warning }.count == 1)
        #expect(result.diagnostics == result.diagnostics.sortedForOutput)
    }

    @Test("warnings alone still give a model")
    func warningsKeepModel() throws {
        let text = try String(
            contentsOf: fixtures.appendingPathComponent("invalid/unknown-keys.yaml"),
            encoding: .utf8)
        let result = NativeLoader.load(text: text, file: "w.yaml")
        #expect(!result.diagnostics.hasErrors)
        #expect(result.model?.nodes.count == 1)
    }

    @Test("the compiler-style format")
    func format() {
        let d = Diagnostic(
            .error, .unknownNode, "edge 'reports-to' refers to unknown node 'wg-tipp'",
            at: SourceLocation(file: "Data/bali-process.yaml", line: 42, column: 9),
            notes: ["did you mean 'wg-tip'?"])
        #expect(
            d.formatted == """
                Data/bali-process.yaml:42:9: error: [unknown-node] edge 'reports-to' refers to unknown node 'wg-tipp'
                    note: did you mean 'wg-tip'?
                """)
    }

    @Test("hostile structure is refused with a located error, not a crash")
    func hostile() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let r1 = NativeLoader.load(text: "format: " + deep, file: "deep.yaml")
        #expect(r1.diagnostics.map(\.code) == [.tooDeep])
        let r2 = NativeLoader.load(text: "format: a\u{0}b", file: "nul.yaml")
        #expect(r2.diagnostics.map(\.code) == [.encoding])
        #expect(r2.diagnostics[0].location.column == 10)
        let r3 = NativeLoader.load(text: "", file: "empty.yaml")
        #expect(r3.diagnostics.map(\.code) == [.syntax])
        let r4 = NativeLoader.load(text: "just a string", file: "scalar.yaml")
        #expect(r4.diagnostics.map(\.code) == [.wrongType])
    }
}
