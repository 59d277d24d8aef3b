import Foundation
import Testing

@testable import StakeholderModel

private let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/models/core.yaml")

@Suite("Dates and validity")
struct DateTests {
    @Test(
        "valid dates parse and print back",
        arguments: ["2012", "2012-09", "2012-09-06", "2024-02-29", "2000-02-29", "0999"])
    func valid(text: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.description == text)
    }

    @Test(
        "invalid dates are refused",
        arguments: [
            "2023-02-30", "1900-02-29", "2012-13", "2012-00", "12", "2012-9", "2012/09", "",
            "2012-09-06-01", "２０１２", "0000",
        ])
    func invalid(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test("periods: first and last days")
    func periods() throws {
        let year = try #require(PartialDate("2012"))
        #expect(year.firstDay == 20_120_101 && year.lastDay == 20_121_231)
        let feb = try #require(PartialDate("2024-02"))
        #expect(feb.lastDay == 20_240_229)
    }

    @Test("as-of means the last day of the period asked")
    func asOf() throws {
        let rso = Validity(since: PartialDate("2012-09-06"), until: nil)
        #expect(!rso.contains(PartialDate("2010")!))
        #expect(rso.contains(PartialDate("2012")!))
        #expect(!rso.contains(PartialDate("2012-08")!))
        let malaysia = Validity(since: PartialDate("2017"), until: PartialDate("2022-09"))
        #expect(malaysia.contains(PartialDate("2017")!))
        #expect(malaysia.contains(PartialDate("2022-09")!))
        #expect(!malaysia.contains(PartialDate("2022")!))
        #expect(!malaysia.contains(PartialDate("2016")!))
    }
}

@Suite("Loading and resolution")
struct ModelTests {
    func loadCore() throws -> Model {
        let text = try String(contentsOf: core, encoding: .utf8)
        let result = NativeLoader.load(text: text, file: "core.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        return try #require(result.model)
    }

    @Test("a valid model loads with its schema, sources, nodes and edges in file order")
    func loads() throws {
        let model = try loadCore()
        #expect(model.title == "The Bali Process (core)")
        #expect(
            model.schema.kinds.map(\.id) == [
                "process", "leadership", "group", "state", "organisation",
            ])
        #expect(model.nodes.first?.id == "bali-process")
        #expect(model.edges.count == 10)
        #expect(model.edges(to: "steering-group").count == 6)
        #expect(model.phrase(for: model.node("steering-group")!) == "the Steering Group")
        #expect(model.phrase(for: model.node("australia")!) == "Australia")
    }

    @Test("the JSON form of a document gives the same model")
    func jsonForm() throws {
        let json = """
            {"format": "baligraph/1", "title": "T",
             "schema": {"kinds": {"state": {"label": "State", "plural": "States"}},
                        "relations": {"knows": {"label": "knows", "inverse": "is known by"}}},
             "sources": [{"id": "S1", "title": "A", "url": "https://example.org"}],
             "nodes": [{"id": "a", "kind": "state", "name": "A", "sources": ["S1"], "since": "2012"},
                       {"id": "b", "kind": "state", "name": "B", "sources": ["S1"], "note": null}],
             "edges": [{"from": "a", "relation": "knows", "to": "b", "sources": ["S1"]}]}
            """
        let result = NativeLoader.load(text: json, file: "t.json")
        #expect(result.diagnostics.isEmpty)
        let model = try #require(result.model)
        #expect(model.nodes.map(\.id) == ["a", "b"])
        #expect(model.node("a")?.validity.since == PartialDate("2012"))
        #expect(model.node("b")?.note == nil)
    }

    @Test("names resolve by id, name, short name, alias and ISO code, ignoring case and accents")
    func resolution() throws {
        let model = try loadCore()
        let resolver = NameResolver(model: model)
        #expect(resolver.resolve("steering group") == .found("steering-group"))
        #expect(resolver.resolve("The Steering Group") == .found("steering-group"))
        #expect(resolver.resolve("SG") == .found("steering-group"))
        #expect(resolver.resolve("aus") == .found("australia"))
        #expect(resolver.resolve("NZL") == .found("new-zealand"))
        #expect(resolver.resolve("unhcr") == .found("unhcr"))
        #expect(resolver.resolve("  thaïland ") == .found("thailand"))
        guard case .notFound(let suggestions) = resolver.resolve("austrlia") else {
            Issue.record("expected no match")
            return
        }
        #expect(suggestions.first == "Australia")
    }

    /// The core model with a second node named Thailand.
    private func loadCoreWithTwin() throws -> Model {
        var model = try loadCore()
        var twin = model.node("thailand")!
        twin.id = "thailand-2"
        model.nodes.append(twin)
        model.rebuildIndex()
        return model
    }

    @Test("one-shot resolution answers exactly what the index answers")
    func oneShotAgrees() throws {
        let model = try loadCoreWithTwin()
        let resolver = NameResolver(model: model)
        var queries = ["", "the", "---", "austrlia", "THAÏLAND", "Ελλάδα", "x", "zz top"]
        for node in model.nodes {
            for key in NameResolver.keys(of: node) {
                queries += [
                    key, key.uppercased(), "The " + key, " \(key)-", String(key.prefix(3)),
                    String(key.dropFirst()),
                ]
            }
        }
        for query in queries {
            #expect(NameResolver.resolve(query, in: model) == resolver.resolve(query), "\(query)")
        }
    }

    @Test("ambiguous names list every candidate")
    func ambiguous() throws {
        let model = try loadCoreWithTwin()
        #expect(
            NameResolver(model: model).resolve("Thailand")
                == .ambiguous(["thailand", "thailand-2"]))
    }

    @Test("snapshots keep only what was valid, and edges whose nodes were valid")
    func snapshot() throws {
        let model = try loadCore()
        let early = model.snapshot(asOf: PartialDate("2001"))
        #expect(early.node("bali-process") == nil)
        #expect(early.edges.allSatisfy { $0.to != "bali-process" && $0.from != "bali-process" })
        #expect(model.snapshot(asOf: PartialDate("2002")).node("bali-process") != nil)
    }

    @Test("normalisation folds case, accents, punctuation and a leading 'the'")
    func normalize() {
        #expect(TextMatching.normalize("The  Viet-Nam") == "viet nam")
        #expect(TextMatching.normalize("Türkiye") == "turkiye")
        #expect(
            TextMatching.normalize("Democratic People's Republic of Korea")
                == "democratic peoples republic of korea")
        #expect(TextMatching.editDistance("austrlia", "australia") == 1)
    }
}

@Suite("Name normalisation")
struct NormalizationTests {
    @Test("the Latin fast path agrees with Foundation's folding, letter by letter and in names")
    func latinAgrees() {
        for v in UInt32(0xC0)...0x17F {
            let letter = String(Character(Unicode.Scalar(v)!))
            for text in [letter, "a\(letter)b", "\(letter) x", "The \(letter)"] {
                #expect(
                    TextMatching.normalizeLatin(text) == TextMatching.normalizeGeneral(text),
                    "U+\(String(v, radix: 16)) in \(text)")
            }
        }
        let names = [
            "Türkiye", "Côte d'Ivoire", "São Tomé and Príncipe", "ÅLAND", "Straße", "Œuvre",
            "The Ærø  Group", "Łódź", "×÷", "Dvořák-Ñandú", "İstanbul", "ŉ",
        ]
        for text in names {
            #expect(
                TextMatching.normalizeLatin(text) == TextMatching.normalizeGeneral(text), "\(text)")
            #expect(TextMatching.normalize(text) == TextMatching.normalizeGeneral(text), "\(text)")
        }
        #expect(TextMatching.normalizeLatin("Ελλάδα") == nil)
        #expect(TextMatching.normalizeLatin("a\u{301}") == nil)
        #expect(TextMatching.normalizeLatin("\u{A0}x") == nil)
    }

    @Test("the ASCII fast path agrees with the general path")
    func asciiAgrees() {
        let samples = [
            "The Steering Group", "  the   AD-HOC group ", "Democratic People's Republic of Korea",
            "TEG-RR", "wg_tip", "A.B.C.", "the", "The", "them", "", "---", "Viet Nam (2022)", "x'y",
            "Theatre", "THE  Bali Process", "R&D", "\tTab\nNewline",
        ]
        for text in samples {
            #expect(
                TextMatching.normalizeASCII(text) == TextMatching.normalizeGeneral(text), "\(text)")
        }
    }
}
