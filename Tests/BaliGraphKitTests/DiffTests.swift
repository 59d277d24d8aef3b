import Diagrams
import Foundation
import StakeholderModel
import TestSupport
import Testing

@testable import BaliGraphKit

@Suite("Time travel and diff")
struct DiffTests {
    @Test("diff --from 2017 --to 2024 reports the Disruption co-chair change and nothing unchanged")
    func disruption() {
        let r = DiffCommand.run(
            Invocation(), old: .date(PartialDate("2017")!), new: .date(PartialDate("2024")!),
            quiet: false)
        #expect(r.exitCode == 1)
        #expect(r.stdout.contains("+ Viet Nam now co-chairs the Working Group on Disruption"))
        #expect(r.stdout.contains("- Malaysia no longer co-chairs the Working Group on Disruption"))
        #expect(!r.stdout.contains("New Zealand no longer co-chairs"))
        #expect(
            !r.stdout.contains("Steering Group  [steering-group]"),
            "the Steering Group did not change")
    }

    @Test("a model against itself: no change, exit 0; --quiet prints nothing")
    func identical() {
        let same = DiffCommand.run(
            Invocation(), old: .date(PartialDate("2024")!), new: .date(PartialDate("2024")!),
            quiet: false)
        #expect(same.exitCode == 0)
        #expect(same.stdout.hasSuffix("no differences.\n"))
        let quiet = DiffCommand.run(
            Invocation(), old: .date(PartialDate("2017")!), new: .date(PartialDate("2024")!),
            quiet: true)
        #expect(quiet.exitCode == 1 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test("the JSON diff lists added and removed ties with sentences")
    func json() throws {
        let r = DiffCommand.run(
            Invocation(format: .json), old: .date(PartialDate("2017")!),
            new: .date(PartialDate("2024")!),
            quiet: false)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let edges = try #require(object["edges"] as? [String: Any])
        let added = try #require(edges["added"] as? [[String: Any]])
        #expect(
            added.contains {
                $0["from"] as? String == "viet-nam" && $0["to"] as? String == "wg-disruption"
            })
        #expect(object["identical"] as? Bool == false)
    }

    @Test("timeline of a node lists its dated events in order")
    func timeline() {
        let r = TimelineCommand.run(Invocation(), node: "wg-disruption")
        #expect(r.exitCode == 0)
        let lines = r.stdout.split(separator: "\n")
        let dates = lines.map { String($0.prefix(10)).trimmingCharacters(in: .whitespaces) }
        let days = dates.map { PartialDate($0)!.firstDay }
        #expect(days == days.sorted())
        #expect(r.stdout.contains("Viet Nam co-chairs"))
    }
}

@Suite("Diff of two fixture models: committed text, JSON and DOT")
struct DiffGoldenTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diff")

    func load(_ name: String) throws -> DiffCommand.Loaded {
        let text = try String(contentsOf: Self.dir.appendingPathComponent(name), encoding: .utf8)
        let model = try #require(ModelStore.parse(text: text, file: name).model)
        return DiffCommand.Loaded(label: name, model: model)
    }

    @Test("text, JSON and the diagram's DOT equal the committed expectations")
    func golden() throws {
        let a = try load("old.yaml")
        let b = try load("new.yaml")
        let diff = ModelDiff(old: a.model, new: b.model)
        let text = DiffCommand.text(
            diff, old: a, new: b, byDate: false, style: TextStyle(enabled: false))
        try Golden.check(text, against: Self.dir.appendingPathComponent("expected.txt"))
        let json = DiffCommand.json(diff, old: a, new: b, byDate: false).serialized()
        try Golden.check(json, against: Self.dir.appendingPathComponent("expected.json"))
        let dot = DiffDiagram.diagram(
            old: a.model, new: b.model, diff: diff, oldLabel: "old.yaml", newLabel: "new.yaml"
        ).dot
        try Golden.check(dot, against: Self.dir.appendingPathComponent("expected.dot"))
        #expect(diff.addedNodes.map(\.id) == ["unodc"])
        #expect(diff.removedNodes.map(\.id) == ["iom"])
        #expect(diff.changedNodes.map(\.new.id) == ["australia", "thailand"])
        #expect(diff.changedEdges.map(\.new.from) == ["new-zealand"])
    }

    @Test("a model diffed against itself has no change")
    func itself() throws {
        let a = try load("old.yaml")
        #expect(ModelDiff(old: a.model, new: a.model).isEmpty)
    }
}
