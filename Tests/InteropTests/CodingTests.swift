import BaliGraphKit
import Foundation
import StakeholderModel
import Testing

@Suite("Shared conventions: value encoding, slugs, native files through the importer")
struct CodingTests {
    static let alphabet: [String] = [
        "[", "]", "\"", ",", ";", " ", "'", "=", "-", "+", "@", "a", "\\", "\n", "\r", "é", "🦘",
        "1",
        ".", "{",
    ]

    static func randomString(_ rng: inout some RandomNumberGenerator) -> String {
        let n = Int.random(in: 0...8, using: &rng)
        return (0..<n).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }

    @Test("text cells: encode then decode gives back every scalar and list")
    func cellBijection() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<20000 {
            let s = Self.randomString(&rng)
            #expect(InteropCoding.decodeAttribute(InteropCoding.encode(.string(s))) == .string(s))
            #expect(InteropCoding.decodeScalar(InteropCoding.encodeScalar(s)) == s)
            let list = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.randomString(&rng) }
            #expect(InteropCoding.decodeAttribute(InteropCoding.encode(.list(list))) == .list(list))
        }
    }

    @Test("JSON string literals escape controls and U+2028/U+2029, and read back")
    func jsonStrings() {
        let text = "a\"b\\c\n\u{1}\u{7F}\u{2028}\u{2029}é😀"
        let literal = InteropCoding.jsonString(text)
        #expect(literal == #""a\"b\\c\n\u0001\u007f\u2028\u2029é😀""#)
        #expect(InteropCoding.decodeStringLiteral(literal) == text)
        var rng = SplitMix(seed: 11)
        for _ in 0..<5000 {
            let s = Self.randomString(&rng)
            #expect(InteropCoding.decodeStringLiteral(InteropCoding.jsonString(s)) == s)
        }
    }

    @Test("list cells that people edit read back exactly when written by us")
    func semicolonLists() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<20000 {
            let list = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.randomString(&rng) }
            #expect(
                InteropCoding.decodeSemicolonList(InteropCoding.encodeSemicolonList(list)) == list)
        }
        #expect(InteropCoding.encodeSemicolonList(["AUS", "AU"]) == "AUS; AU")
        #expect(InteropCoding.decodeSemicolonList(" a ;b;; c ") == ["a", "b", "c"])
    }

    @Test("the spreadsheet formula guard is undone exactly")
    func formulaGuard() {
        var rng = SplitMix(seed: 9)
        for _ in 0..<20000 {
            let s = Self.randomString(&rng)
            let guarded = InteropCoding.guardFormula(s)
            #expect(InteropCoding.unguardFormula(guarded) == s)
            if let first = guarded.first, "=+-@".contains(first) {
                #expect(Double(guarded) != nil, "'\(guarded)' would run as a formula")
            }
        }
        #expect(InteropCoding.guardFormula("=1+1") == "'=1+1")
        #expect(InteropCoding.guardFormula("-12.5e3") == "-12.5e3")
        #expect(InteropCoding.guardFormula("'@x") == "''@x")
    }

    @Test("reserved names get the attr: prefix and lose it again")
    func attributeNames() {
        for key in ["name", "Kind", "sources", "attr:x", "region", "weight"] {
            let name = InteropCoding.attributeName(key, reserved: InteropCoding.reservedNodeNames)
            #expect(InteropCoding.attributeKey(name) == key)
        }
        #expect(
            InteropCoding.attributeName("name", reserved: InteropCoding.reservedNodeNames)
                == "attr:name")
        #expect(
            InteropCoding.attributeName("type", reserved: InteropCoding.reservedNodeNames) == "type"
        )
        #expect(
            InteropCoding.attributeName("type", reserved: InteropCoding.reservedEdgeNames)
                == "attr:type")
    }

    @Test("native YAML and JSON through the importer: BOM dropped, bad bytes located")
    func native() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let core = try String(contentsOfFile: Fixture.core, encoding: .utf8)
        let bom = try folder.write("bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(core.utf8))
        #expect(try loadModel(bom).nodes.count == 9)
        let json = try folder.write(
            "m.json",
            """
            {"format": "baligraph/1", "title": "J", "schema": {"kinds": {"k": {"label": "K", "plural": "Ks"}},
             "relations": {"r": {"label": "r", "inverse": "r"}}}, "sources": [{"id": "S", "title": "s"}],
             "nodes": [{"id": "a", "kind": "k", "name": "A", "sources": ["S"]}]}
            """)
        #expect(try loadModel(json).title == "J")
        let latin1 = try folder.write(
            "l.yaml", bytes: Array("format: baligraph/1\ntitle: Caf".utf8) + [0xE9, 0x0A])
        let e = loadErrors(latin1)
        #expect(e.count == 1)
        #expect(e[0].code == .encoding)
        #expect(e[0].location.line == 2 && e[0].location.column == 11)
    }
}

/// A small seeded generator, so the randomized tests are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
