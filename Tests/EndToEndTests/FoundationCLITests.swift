import Foundation
import Testing

@Suite("The first commands, end to end")
struct FoundationCLITests {
    @Test("show resolves a name case-insensitively and lists relations grouped and labelled")
    func showSteeringGroup() throws {
        let r = try Runner.run(["show", "steering group"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Steering Group"))
        #expect(r.stdout.contains("Steering Group has member (6)"))
        for member in ["Australia", "Indonesia", "New Zealand", "Thailand"] {
            #expect(r.stdout.contains("  - \(member)"))
        }
    }

    @Test("show takes an alias")
    func showAlias() throws {
        let r = try Runner.run(["show", "aus"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Australia"))
    }

    @Test("an unknown name exits 1 and suggests the nearest")
    func unknown() throws {
        let r = try Runner.run(["show", "austrlia"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("error: no node named 'austrlia'"))
        #expect(r.stderr.contains("did you mean 'Australia'?"))
    }

    @Test("list --kind state --format json is stable JSON of states, sorted")
    func listJSON() throws {
        let a = try Runner.run(["list", "--kind", "state", "--format", "json"])
        let b = try Runner.run(["--format", "json", "list", "--kind", "state"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout, "global options work before the subcommand too")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == object["count"] as? Int)
        #expect(nodes.allSatisfy { $0["kind"] as? String == "state" })
        let names = nodes.compactMap { $0["name"] as? String }
        #expect(names == names.sorted())
        #expect(names.contains("Australia"))
    }

    @Test("list --member-of filters by relation to a node")
    func memberOf() throws {
        let r = try Runner.run(["list", "--member-of", "steering-group", "--format", "csv"])
        #expect(r.status == 0)
        let ids = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(Set(ids) == ["australia", "indonesia", "new-zealand", "thailand", "unhcr", "iom"])
    }

    @Test("validate on every invalid fixture exits 1 (or 0 with warnings) and never crashes")
    func validateFixtures() throws {
        let dir = Runner.root.appendingPathComponent("Tests/StakeholderModelTests/Fixtures/invalid")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { !$0.hasSuffix(".expected") }.sorted()
        #expect(names.count >= 15)
        for name in names {
            let path = dir.appendingPathComponent(name).path
            let r = try Runner.run(["validate", "--data", path])
            let expected = try String(
                contentsOf: dir.appendingPathComponent(
                    (name as NSString).deletingPathExtension + ".expected"), encoding: .utf8)
            let hasError = expected.contains(": error: ")
            #expect(r.status == (hasError ? 1 : 0), "\(name)")
            // Every expected diagnostic line is printed, with the user's path.
            for line in expected.split(separator: "\n") where !line.hasPrefix(" ") {
                #expect(
                    r.stderr.contains(path + String(line.dropFirst(name.count))), "\(name): \(line)"
                )
            }
            let strict = try Runner.run(["validate", "--strict", "--data", path])
            #expect(strict.status == 1, "\(name) under --strict")
        }
    }

    @Test("the built-in model validates cleanly under --strict")
    func builtInStrict() throws {
        let r = try Runner.run(["validate", "--strict"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(": 0 errors, 0 warnings"))
    }

    @Test("usage errors exit 64")
    func usage() throws {
        #expect(try Runner.run(["list", "--as-of", "2012-13"]).status == 64)
        #expect(try Runner.run(["list", "--format", "xml"]).status == 64)
        #expect(try Runner.run(["nosuchcommand"]).status == 64)
        #expect(try Runner.run(["list", "--kind", "nosuchkind"]).status == 64)
    }

    @Test("--as-of keeps what was valid then, and a missing file is a clear error")
    func asOfAndData() throws {
        let core = Runner.fixture("models/core.yaml")
        let before = try Runner.run(["list", "--data", core, "--as-of", "2001", "--format", "csv"])
        #expect(before.status == 0)
        #expect(!before.stdout.contains("bali-process"))
        let after = try Runner.run(["list", "--data", core, "--as-of", "2002", "--format", "csv"])
        #expect(after.stdout.contains("bali-process"))
        let missing = try Runner.run(["stats", "--data", "/nonexistent/model.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("the same command twice gives byte-identical output in every format")
    func deterministic() throws {
        for format in ["text", "json", "csv"] {
            for args in [["stats"], ["list"], ["show", "australia"]] {
                let a = try Runner.run(args + ["--format", format])
                let b = try Runner.run(args + ["--format", format])
                #expect(a.stdout == b.stdout && a.status == 0, "\(args) \(format)")
            }
        }
    }
}
