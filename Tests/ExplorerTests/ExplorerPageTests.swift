import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 and NIST test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                    + "klmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test("a million 'a's, and every length around the 55/56/64-byte padding boundaries")
    func longAndBoundaries() {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Reference digests of "a" repeated n times, n = 55, 56, 63, 64, 65.
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
        ]
        for (n, digest) in expected {
            #expect(SHA256.hex([UInt8](repeating: 0x61, count: n)) == digest, "length \(n)")
        }
    }

    @Test("Base64 of the digest, as a CSP hash source writes it")
    func base64() {
        #expect(SHA256.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.base64([]) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }
}

@Suite("Explorer page")
struct ExplorerPageTests {
    static let hostileName =
        "Evil </script><script>alert(1)</script> \u{2028}\u{2029} \"q\" 'a' <!--"

    /// The built-in model with one node renamed to something hostile.
    static func hostileModel() throws -> Model {
        var model = try Support.builtIn()
        let i = try #require(model.index(of: "viet-nam"))
        model.nodes[i].name = hostileName
        model.nodes[i].note = "</SCRIPT ><script >alert(2)</script>"
        return model
    }

    @Test("the page is self-contained: no src, links only to http(s), #fragments and data:")
    func selfContained() throws {
        let page = ExplorerPage.html(
            model: try Support.builtIn(), views: try Support.views(), title: "Bali Process")
        #expect(!page.contains("src="), "nothing is loaded from anywhere")
        #expect(!page.lowercased().contains("<link rel=\"stylesheet\""))
        #expect(!page.contains("@import"))
        #expect(!page.contains("<iframe") && !page.contains("<img") && !page.contains("<object"))
        let links = try Regex(#"(?:href|xlink:href|action)\s*=\s*"([^"]*)""#)
        var count = 0
        for match in page.matches(of: links) {
            let value = String(match.output[1].substring ?? "")
            count += 1
            #expect(
                value.hasPrefix("#") || value == "data:," || value.hasPrefix("https://")
                    || value.hasPrefix("http://"), "link \(value)")
        }
        #expect(count >= 3)
        // Exactly two script elements: the JSON data block and the page's own script.
        #expect(page.components(separatedBy: "<script").count - 1 == 2)
        #expect(page.contains("<script type=\"application/json\" id=\"model\">"))
    }

    @Test("a strict CSP names the page's one script by its SHA-256")
    func contentSecurityPolicy() throws {
        let page = ExplorerPage.html(
            model: try Support.builtIn(), views: [], title: "Bali Process")
        let csp = try #require(
            Support.between(
                page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">"))
        #expect(csp.hasPrefix("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "))
        #expect(csp.contains("base-uri 'none'") && csp.contains("form-action 'none'"))
        #expect(!csp.contains("script-src 'unsafe-inline'"))
        let script = try #require(Support.between(page, "\n<script>", "</script>"))
        #expect(script == ExplorerScript.source)
        #expect(csp.contains("script-src 'sha256-\(SHA256.base64(Array(script.utf8)))'"))
        // The CSP comes before anything that could run or load.
        let cspAt = try #require(page.range(of: "Content-Security-Policy"))
        let styleAt = try #require(page.range(of: "<style>"))
        #expect(cspAt.lowerBound < styleAt.lowerBound)
    }

    @Test("the JSON block cannot be closed or commented out by data, and round-trips")
    func jsonBlock() throws {
        let page = ExplorerPage.html(
            model: try Self.hostileModel(), views: [], title: "Bali Process")
        #expect(!page.contains("alert(1)</script>"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("\u{2028}") && !page.contains("\u{2029}"))
        let block = try #require(
            Support.between(page, "<script type=\"application/json\" id=\"model\">", "</script>"))
        #expect(!block.contains("<"), "every < is written \\u003c")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let evil = try #require(nodes.first { $0["id"] as? String == "viet-nam" })
        #expect(evil["name"] as? String == Self.hostileName)
        #expect(evil["note"] as? String == "</SCRIPT ><script >alert(2)</script>")
        // The page's text after the block is the script and the end of the document.
        let after = try #require(page.range(of: block)).upperBound
        #expect(page[after...].hasPrefix("</script>\n<script>"))
    }

    @Test("titles are escaped; controls and bidirectional overrides are dropped from them")
    func escaping() throws {
        let views = [
            ExplorerView(
                name: "x\"><script>alert(1)</script>", title: "<b>View</b> & \u{202E}co",
                svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
        ]
        let page = ExplorerPage.html(
            model: try Support.builtIn(), views: views, title: "T</title><script>alert(1)")
        #expect(page.contains("<title>T&lt;/title&gt;&lt;script&gt;alert(1)</title>"))
        #expect(page.contains("&lt;b&gt;View&lt;/b&gt; &amp; co"))
        #expect(page.contains("data-name=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(!page.contains("\u{202E}"))
    }

    @Test("identical input gives byte-identical pages")
    func deterministic() throws {
        let model = try Support.builtIn()
        let views = try Support.views()
        let a = ExplorerPage.html(model: model, views: views, title: "Bali Process")
        let b = ExplorerPage.html(
            model: try Support.builtIn(), views: try Support.views(), title: "Bali Process")
        #expect(a == b)
        let c = ExplorerPage.html(
            model: model, views: views, title: "Bali Process", asOf: PartialDate("2012"))
        #expect(c != a)
        #expect(c.contains("\"initial_day\":20121231"))
        #expect(!c.contains("id=\"all-dates\" checked"))
        #expect(a.contains("id=\"all-dates\" checked"))
    }

    @Test("views: one figure and one picker button each, the first shown; XML prologue dropped")
    func views() throws {
        let views = try Support.views()
        let page = ExplorerPage.html(model: try Support.builtIn(), views: views, title: "B")
        #expect(!page.contains("<?xml"))
        #expect(page.contains("<figure class=\"view\" id=\"view-0\" data-view=\"0\""))
        #expect(page.contains("data-name=\"working-groups\">\n<figcaption>"))
        #expect(page.contains("data-name=\"membership\" hidden>"))
        #expect(page.contains("id=\"view-list\" data-view=\"list\" hidden>"))
        #expect(page.contains("<button type=\"button\" data-view=\"1\" data-name=\"membership\""))
        #expect(page.contains("id=\"n&#45;viet&#45;nam\" class=\"node kind&#45;state\""))
        // No diagrams, or none with an <svg>: the list view is shown.
        for given in [[], [ExplorerView(name: "empty", title: "Empty", svg: "not an svg")]] {
            let list = ExplorerPage.html(model: try Support.builtIn(), views: given, title: "B")
            #expect(list.contains("id=\"view-list\" data-view=\"list\">"))
            #expect(list.contains("data-view=\"list\" aria-pressed=\"true\">List</button>"))
            #expect(!list.contains("Empty"))
        }
    }

    @Test("the embedded model keeps every history with day bounds as the CLI reads them")
    func embeddedDates() throws {
        let model = try Support.builtIn()
        let page = ExplorerPage.html(model: model, views: [], title: "B")
        let block = try #require(
            Support.between(page, "<script type=\"application/json\" id=\"model\">", "</script>"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(nodes.count == model.nodes.count && edges.count == model.edges.count)
        for (json, node) in zip(nodes, model.nodes) {
            #expect(json["id"] as? String == node.id)
            #expect((json["since_day"] as? Int) == node.validity.since?.firstDay)
            #expect((json["until_day"] as? Int) == node.validity.until?.lastDay)
        }
        for (json, edge) in zip(edges, model.edges) {
            #expect((json["since_day"] as? Int) == edge.validity.since?.firstDay)
            #expect((json["until_day"] as? Int) == edge.validity.until?.lastDay)
        }
        #expect(object["first_year"] as? Int == 2002)
        #expect(object["last_year"] as? Int == 2026)
        #expect(page.contains("id=\"year\" min=\"2002\" max=\"2026\" step=\"1\" value=\"2026\""))
    }

    @Test("the script and style sheet are small and never build HTML from strings")
    func scriptHygiene() {
        let script = ExplorerScript.source
        let style = ExplorerStyle.source
        #expect(script.utf8.count + style.utf8.count < 40_000)
        for banned in [
            "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
            "new Function", "setTimeout(", "fetch(", "XMLHttpRequest", "import(", "</",
        ] {
            #expect(!script.contains(banned), "the script uses \(banned)")
        }
        #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("</"))
    }

    @Test("explore writes the page atomically and reports it; a bad model writes nothing")
    func command() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "explorer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site/explorer.html").path
        let result = ExploreCommand.run(
            Invocation(asOf: PartialDate("2017")), output: output, views: try Support.views())
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("wrote \(output) (2 views, "))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(
            written
                == ExplorerPage.html(
                    model: try Support.builtIn(), views: try Support.views(),
                    title: try Support.builtIn().title, asOf: PartialDate("2017")))
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "format: baligraph/1\nnodes: [".write(toFile: bad, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("other.html").path
        let failed = ExploreCommand.run(Invocation(dataPath: bad), output: other, views: [])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.contains("error:"))
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test("the hostile fixture loads and its payloads reach the page only as escaped data")
    func hostileFixture() throws {
        let model = try Support.fixtureModel("hostile.yaml")
        let page = ExplorerPage.html(model: model, views: [], title: model.title)
        #expect(page.components(separatedBy: "<script").count - 1 == 2)
        #expect(!page.contains("<img") && !page.contains("<svg onload"))
        #expect(page.contains("<title>Hostile &lt;/title&gt;&lt;script&gt;"))
    }
}
