import Foundation
import Testing

@Suite("time travel and diff, end to end")
struct TimeCLITests {
    @Test("diff reads a model at a git revision (REV:PATH)")
    func gitRevision() throws {
        let r = try Runner.run(
            ["diff", "HEAD:Tests/Fixtures/diff/old.yaml", "Tests/Fixtures/diff/new.yaml"],
            in: Runner.root)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stdout.contains(
                "United Nations Office on Drugs and Crime is a member of the Steering Group"))
        let same = try Runner.run(
            [
                "diff", "HEAD:Tests/Fixtures/diff/old.yaml", "Tests/Fixtures/diff/old.yaml",
                "--quiet",
            ],
            in: Runner.root)
        #expect(same.status == 0 && same.stdout.isEmpty)
        let bad = try Runner.run(
            ["diff", "NOSUCHREV:Data/bali-process.yaml", "Data/bali-process.yaml"], in: Runner.root)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("git cannot read"))
    }

    @Test("diff --from --to writes a diagram; the built-in model against itself is identical")
    func dates() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent(
            "diff-\(getpid()).svg")
        defer { try? FileManager.default.removeItem(at: svg) }
        let r = try Runner.run(["diff", "--from", "2017", "--to", "2024", "--svg", svg.path])
        #expect(r.status == 1)
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("class=\"node diff-added"))
        #expect(text.contains("class=\"edge diff-removed"))
        #expect(text.contains(">Key<"))
        let same = try Runner.run(["diff", "--from", "2024", "--to", "2024"])
        #expect(same.status == 0)
        let usage = try Runner.run(["diff", "--from", "2017", "a.yaml", "b.yaml"])
        #expect(usage.status == 64)
    }

    @Test("timeline lists a node's events in date order, as JSON too")
    func timeline() throws {
        let r = try Runner.run(["timeline", "rso", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        let dates = events.compactMap { $0["date"] as? String }
        #expect(!dates.isEmpty)
        #expect(dates == dates.sorted())
    }
}
