import Foundation
import Testing

@Suite("Analysis commands, end to end")
struct AnalysisCLITests {
    @Test("path explains a route through the working structure in words")
    func pathSentence() throws {
        let r = try Runner.run(["path", "Sri Lanka", "New Zealand", "--avoid", "Bali Process"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains(
                "Sri Lanka is a member of the Ad Hoc Group, which has member New Zealand."))
    }

    @Test("path --all lists every shortest path; JSON carries steps with directions")
    func pathAll() throws {
        let r = try Runner.run(["path", "Sri Lanka", "New Zealand", "--all", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.count >= 2)
        #expect(paths.allSatisfy { $0["length"] as? Int == 2 })
        let steps = try #require(paths[0]["steps"] as? [[String: Any]])
        #expect(steps.map { $0["direction"] as? String } == ["forward", "backward"])
    }

    @Test("no path is an answer, said plainly, exit 1")
    func noPath() throws {
        let r = try Runner.run(["path", "Sri Lanka", "New Zealand", "--via", "co-manages"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no path from Sri Lanka to New Zealand"))
        #expect(r.stderr.contains("--via co-manages"))
    }

    @Test("unknown nodes and impossible filters give clear messages")
    func badInput() throws {
        let unknown = try Runner.run(["path", "Sri Lnka", "New Zealand"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'Sri Lanka'?"))
        let badRelation = try Runner.run(["path", "Sri Lanka", "New Zealand", "--via", "member_of"])
        #expect(badRelation.status == 64)
        #expect(badRelation.stderr.contains("did you mean 'member-of'?"))
        let avoidEnd = try Runner.run(["path", "Sri Lanka", "New Zealand", "--avoid", "sri-lanka"])
        #expect(avoidEnd.status == 64)
    }

    @Test("connectors --format json has the documented row fields")
    func connectorsJSON() throws {
        let r = try Runner.run(["connectors", "--top", "5", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 5)
        for key in [
            "id", "name", "kind", "degree", "betweenness", "closeness", "constraint",
            "effective_size",
            "articulation_point", "brokerage",
        ] {
            #expect(rows[0][key] != nil, "\(key)")
        }
        let brokerage = try #require(rows[0]["brokerage"] as? [String: Int])
        #expect(
            Set(brokerage.keys).isSuperset(of: [
                "coordinator", "itinerant", "gatekeeper", "representative", "liaison",
            ]))
        #expect(rows[0]["id"] as? String == "bali-process")
    }

    @Test("connectors honours --as-of: no RSO in 2010")
    func connectorsAsOf() throws {
        let r = try Runner.run(["connectors", "--as-of", "2010", "--format", "csv"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains(",rso,"))
    }

    @Test("what-if reports new cut points and grown distances")
    func whatIf() throws {
        let r = try Runner.run([
            "what-if", "--remove", "australia", "indonesia", "--format", "json",
        ])
        #expect(r.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["distances_grown_count"] as? Int ?? 0) > 0)
        #expect(object["new_cut_points"] is [Any])
    }

    @Test("common lists shared bodies and a Jaccard strength")
    func common() throws {
        let r = try Runner.run(["common", "australia", "new zealand", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let shared = try #require(object["shared"] as? [[String: Any]])
        #expect(shared.contains { $0["id"] as? String == "steering-group" })
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
    }

    @Test("neighbors lists the ego network by depth")
    func neighbors() throws {
        let r = try Runner.run(["neighbors", "rso", "--depth", "1", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1,bangkok,Bangkok"))
        #expect(r.stdout.contains("1,australia,Australia"))
    }
}
