import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

/// The published facts the built-in model must hold (Data/README.md cites their sources).
@Suite("The Bali Process model: pinned facts")
struct BaliModelFactsTests {
    let model: Model

    init() throws {
        let result = ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label)
        model = try #require(result.model)
    }

    func sources(of relation: String, to target: String, asOf: String? = nil) -> Set<String> {
        let m =
            asOf.map { model.snapshot(asOf: PartialDate($0)) } ?? model.snapshot(asOf: model.asOf)
        return Set(m.edges.filter { $0.relation == relation && $0.to == target }.map(\.from))
    }

    @Test(
        "the Steering Group has exactly Australia, Indonesia, New Zealand, Thailand, UNHCR and IOM")
    func steeringGroup() {
        #expect(
            sources(of: "member-of", to: "steering-group")
                == ["australia", "indonesia", "new-zealand", "thailand", "unhcr", "iom"])
    }

    @Test("45 member states and territories and 4 member organisations")
    func members() {
        let members = sources(of: "member-of", to: "bali-process").compactMap { model.node($0) }
        #expect(members.filter { $0.kind == "state" || $0.kind == "territory" }.count == 45)
        #expect(
            Set(members.filter { $0.kind == "organisation" }.map(\.id)) == [
                "iom", "unhcr", "unodc", "ilo",
            ])
    }

    @Test(
        "the Disruption group's co-chairs: New Zealand and Malaysia in 2017, New Zealand and Viet Nam in 2024"
    )
    func disruptionCoChairs() {
        #expect(
            sources(of: "co-chairs", to: "wg-disruption", asOf: "2017") == [
                "new-zealand", "malaysia",
            ])
        #expect(
            sources(of: "co-chairs", to: "wg-disruption", asOf: "2024") == [
                "new-zealand", "viet-nam",
            ])
    }

    @Test("there is no RSO as of 2010, and there is one as of 2012")
    func rsoDates() {
        #expect(model.snapshot(asOf: PartialDate("2010")).node("rso") == nil)
        #expect(model.snapshot(asOf: PartialDate("2012")).node("rso") != nil)
    }

    @Test(
        "the RSO is co-managed by Australia and Indonesia, located in Bangkok, with its four core purposes"
    )
    func rso() throws {
        #expect(sources(of: "co-manages", to: "rso") == ["australia", "indonesia"])
        #expect(
            model.edges.contains {
                $0.from == "rso" && $0.relation == "located-in" && $0.to == "bangkok"
            })
        let purposes = try #require(model.node("rso")?.attribute("purposes"))
        #expect(purposes.values.count == 4)
    }

    @Test("the Philippines, the USA and Viet Nam joined the Ad Hoc Group in 2011")
    func ahgJoiners() {
        let before = sources(of: "member-of", to: "ad-hoc-group", asOf: "2010")
        let after = sources(of: "member-of", to: "ad-hoc-group", asOf: "2011")
        #expect(
            after.subtracting(before).isSuperset(of: ["philippines", "united-states", "viet-nam"]))
    }

    @Test("every node and edge cites a declared source; the model has no people's names in notes")
    func sourced() {
        let declared = Set(model.sources.map(\.id))
        #expect(
            model.nodes.allSatisfy {
                !$0.sources.isEmpty && $0.sources.allSatisfy(declared.contains)
            })
        #expect(
            model.edges.allSatisfy {
                !$0.sources.isEmpty && $0.sources.allSatisfy(declared.contains)
            })
        #expect(model.asOf == PartialDate("2026-11-30"))
    }

    @Test("inferred facts carry a note that says why")
    func inferredHaveNotes() {
        #expect(model.nodes.filter { $0.confidence == .inferred }.allSatisfy { $0.note != nil })
        #expect(model.edges.filter { $0.confidence == .inferred }.allSatisfy { $0.note != nil })
        #expect(model.edges.contains { $0.confidence == .inferred })
    }
}
