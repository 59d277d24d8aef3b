import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

/// The explorer page in a real headless Chromium, driven over the DevTools protocol with
/// real key and mouse events. Skipped, with the reason, when no Chromium is installed.
@Suite(
    "Explorer in Chromium", .serialized,
    .enabled(if: Chromium.binary != nil, "\(Chromium.skipReason)"))
struct BrowserTests {
    /// Writes `page` as an artefact, opens it from its file URL and waits for the script.
    static func open(_ page: String, as name: String, in browser: Chromium) throws -> (
        BrowserPage, String
    ) {
        let file = try Support.writeArtifact(name, Array(page.utf8))
        let tab = try BrowserPage(browser)
        try tab.navigate(file.absoluteString)
        try tab.wait(for: "!!(window.__explorer && window.__explorer.ready)")
        return (tab, file.absoluteString)
    }

    /// The requests the page made besides loading itself (data: URLs load nothing).
    static func foreignRequests(_ tab: BrowserPage, page: String) -> [String] {
        tab.requestedURLs.filter { $0 != page && !$0.hasPrefix("data:") }
    }

    /// The CLI's all-shortest-path sentences, for comparison with the page's.
    static func cliSentences(_ a: String, _ b: String, asOf: PartialDate?) throws -> [String] {
        let result = PathCommand.run(
            Invocation(asOf: asOf, format: .json), from: a, to: b, mode: .allShortest(limit: 10),
            options: PathOptions())
        guard result.exitCode == 0 else { return [] }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let paths = try #require(object["paths"] as? [[String: Any]])
        return paths.compactMap { $0["sentence"] as? String }
    }

    static let visible = ".view:not([hidden])"

    @Test("search, click, details, path, highlight, dates, keyboard, print and dark mode")
    func endToEnd() throws {
        let model = try Support.builtIn()
        let page = ExplorerPage.html(model: model, views: try Support.views(), title: model.title)
        let browser = try Chromium(timeout: .seconds(120))
        defer { browser.close() }
        let (tab, url) = try Self.open(page, as: "explorer-e2e.html", in: browser)
        let shown = Self.visible

        // The views: two diagrams and the list; the first diagram is shown.
        #expect(try tab.evaluate("document.querySelectorAll('.picker button').length") as? Int == 3)
        #expect(
            try tab.string("document.querySelector('\(shown)').dataset.name") == "working-groups")

        // Search "Viet Nam" with real keys and press Enter.
        try tab.click("#search")
        try tab.type("viet nam")
        #expect(
            try tab.string("document.querySelector('#matches li').textContent").hasPrefix(
                "Viet Nam"))
        #expect(
            try tab.string("document.getElementById('search').getAttribute('aria-expanded')")
                == "true")
        try tab.press("Enter")
        #expect(try tab.string("document.getElementById('d-title').textContent") == "Viet Nam")
        let details = try tab.string("document.getElementById('details').textContent")
        #expect(details.contains("Working Group on Disruption"))
        #expect(details.contains("Viet Nam co-chairs"))
        #expect(try tab.bool("document.getElementById('matches').hidden"))

        // Clear, then click the node in the diagram.
        try tab.click("#details [data-act=clear]")
        #expect(
            try tab.string("document.getElementById('details').textContent").contains(
                "Search or click"))
        try tab.click("\(shown) g.n[data-id='viet-nam']")
        #expect(try tab.string("document.getElementById('d-title').textContent") == "Viet Nam")
        #expect(
            try tab.string("document.getElementById('details').textContent").contains(
                "Working Group on Disruption"))
        #expect(
            try tab.bool(
                "document.querySelector('\(shown) [id=\"n-viet-nam\"]').classList.contains('hl')"))
        #expect(
            try tab.bool(
                "document.querySelector('\(shown) [id=\"n-wg-disruption\"]')"
                    + ".classList.contains('hl-neighbor')"))
        // Ties drawn inside a box have no SVG element; the membership view draws Viet Nam's.
        #expect(
            try tab.bool(
                "document.querySelector('[data-name=membership]"
                    + " [id=\"e-viet-nam--member-of--bali-process\"]')"
                    + ".classList.contains('hl-edge')"))
        #expect(
            try tab.evaluate(
                "document.querySelectorAll('[data-name=membership] g.e.hl-edge').length")
                as? Int == 1)
        #expect(try tab.bool("document.querySelector('\(shown)').classList.contains('has-hl')"))
        #expect(
            try tab.evaluate("document.querySelectorAll('\(shown) g.n.hl').length") as? Int == 1)

        // A path: Viet Nam (selected) to New Zealand (picked by clicking its node).
        try tab.click("#details [data-act=start]")
        try tab.click("\(shown) g.n[data-id='new-zealand']")
        try tab.click("#details [data-act=end]")
        let expected = try Self.cliSentences("viet-nam", "new-zealand", asOf: nil)
        #expect(!expected.isEmpty)
        let sentences =
            try tab.evaluate(
                "[...document.querySelectorAll('#pathbox .paths button')].map(b => b.textContent)")
            as? [String] ?? []
        #expect(sentences == expected, "the page's paths are the CLI's")
        #expect(
            try tab.string("document.getElementById('path-summary').textContent").contains(
                "shortest paths from Viet Nam to New Zealand (2 steps)"))
        #expect(try tab.string("document.getElementById('live').textContent").contains(expected[0]))
        // The highlight, in the membership view where the whole first path is drawn.
        try tab.click(".picker [data-name=membership]")
        #expect(try tab.string("document.querySelector('\(shown)').dataset.name") == "membership")
        let onPath =
            try tab.evaluate(
                "[...document.querySelectorAll('\(shown) g.n.path-node')].map(g => g.dataset.id)")
            as? [String] ?? []
        #expect(onPath.count == 3 && onPath.contains("viet-nam") && onPath.contains("new-zealand"))
        #expect(
            try tab.evaluate("document.querySelectorAll('\(shown) g.e.path-edge').length") as? Int
                == 2)
        #expect(
            try tab.evaluate("document.querySelectorAll('\(shown) g.n.hl').length") as? Int == 0)
        // The Sri Lanka example from the issue, computed by the page for comparison.
        #expect(
            try tab.evaluate("__explorer.paths('sri-lanka', 'new-zealand', null)") as? [String]
                == (try Self.cliSentences("sri-lanka", "new-zealand", asOf: nil)))
        try tab.send("Runtime.evaluate", ["expression": "window.scrollTo(0, 0)"])
        try Support.writeArtifact("explorer.png", try tab.screenshot())

        // Dates: the page's snapshot counts and paths equal the CLI's at every year.
        for year in 2002...2026 {
            let date = PartialDate(year: year)
            let snapshot = model.snapshot(asOf: date)
            #expect(
                try tab.evaluate("__explorer.counts(\(date.lastDay))") as? [Int]
                    == [snapshot.nodes.count, snapshot.edges.count], "as of \(year)")
        }
        for (a, b) in [
            ("viet-nam", "new-zealand"), ("australia", "unodc"), ("rso", "wg-disruption"),
            ("sri-lanka", "malaysia"), ("canada", "timor-leste"),
        ] {
            for year in [2003, 2012, 2017, 2024] {
                let date = PartialDate(year: year)
                #expect(
                    try tab.evaluate("__explorer.paths('\(a)', '\(b)', \(date.lastDay))")
                        as? [String]
                        == (try Self.cliSentences(a, b, asOf: date)), "\(a) → \(b) as of \(year)")
            }
        }
        // The slider, moved with the keyboard to 2010: what did not exist then is greyed out.
        try tab.click("#all-dates")
        #expect(try tab.string("document.getElementById('year-out').textContent") == "2026")
        try tab.evaluate("document.getElementById('year').focus()")
        for _ in 0..<16 { try tab.press("ArrowDown") }
        #expect(try tab.string("document.getElementById('year-out').textContent") == "2010")
        try tab.click(".picker [data-name=working-groups]")
        let in2010 = Set(model.snapshot(asOf: PartialDate(year: 2010)).nodes.map(\.id))
        let drawn =
            try tab.evaluate(
                "[...document.querySelectorAll('\(shown) g.n')].map(g => g.dataset.id)")
            as? [String] ?? []
        let off =
            try tab.evaluate(
                "[...document.querySelectorAll('\(shown) g.n.off')].map(g => g.dataset.id)")
            as? [String] ?? []
        #expect(!off.isEmpty && off.contains("wg-disruption"))
        #expect(Set(off) == Set(drawn.filter { !in2010.contains($0) }))
        #expect(
            try tab.evaluate("document.querySelectorAll('\(shown) g.e.off').length") as? Int ?? 0
                > 0)
        try tab.click("\(shown) g.n[data-id='viet-nam']")
        let then = try tab.string("document.getElementById('details').textContent")
        #expect(then.contains("Relations as of 2010"))
        #expect(!then.contains("Viet Nam co-chairs"))
        try tab.click("#all-dates")

        // Keyboard only, from a fresh load: the skip link, the search with arrow keys, and a
        // diagram node.
        try tab.navigate(url)
        try tab.wait(for: "!!(window.__explorer && window.__explorer.ready)")
        try tab.press("Tab")
        #expect(try tab.string("document.activeElement.textContent") == "Skip to search")
        try tab.press("Enter")
        #expect(try tab.string("document.activeElement.id") == "search")
        try tab.type("ad hoc group")
        try tab.press("ArrowDown")
        try tab.press("ArrowUp")
        try tab.press("Enter")
        #expect(try tab.string("document.getElementById('d-title').textContent") == "Ad Hoc Group")
        try tab.press("Escape")
        #expect(try tab.string("document.getElementById('search').value") == "")
        try tab.evaluate("document.getElementById('all-dates').focus()")
        try tab.press("Tab")
        #expect(try tab.bool("document.activeElement.matches('\(shown) g.n')"))
        let focused = try tab.string("document.activeElement.dataset.id")
        try tab.press("Enter")
        #expect(
            try tab.string("document.getElementById('d-title').textContent")
                == model.node(focused)?.name)
        try tab.press("Tab")
        #expect(
            try tab.string(
                "getComputedStyle(document.activeElement.querySelector('ellipse, polygon, path'))"
                    + ".strokeWidth") == "5px", "a visible focus ring on the focused node")
        try tab.press("Enter")
        let second = try tab.string("document.activeElement.dataset.id")
        // Into the panel: the skip link, then controls that redraw the panel keep focus.
        try tab.evaluate("document.querySelector('.skip[href=\"#panel\"]').focus()")
        try tab.press("Enter")
        #expect(try tab.string("document.activeElement.id") == "panel")
        try tab.evaluate("document.querySelector('#details [data-act=start]').focus()")
        try tab.press("Enter")
        #expect(try tab.string("document.activeElement.dataset.act") == "start")
        #expect(try tab.string("document.getElementById('pathbox').textContent").contains("From:"))
        try tab.evaluate("document.querySelector('#details ul .link').focus()")
        let next = try tab.string("document.activeElement.textContent")
        try tab.press("Enter")
        #expect(try tab.string("document.activeElement.id") == "d-title")
        #expect(try tab.string("document.getElementById('d-title').textContent") == next)
        #expect(next != model.node(second)?.name)
        try tab.press("Escape")
        #expect(try tab.string("document.activeElement.id") == "panel")
        #expect(try tab.bool("document.getElementById('d-title') === null"))
        // The zoom toggle: diagrams at their own size, wider than the canvas.
        try tab.click("#zoom")
        #expect(
            try tab.string("document.getElementById('zoom').getAttribute('aria-pressed')") == "true"
        )
        #expect(
            try tab.bool(
                "(() => { const c = document.querySelector('\(shown) .canvas');"
                    + " return c.scrollWidth > c.clientWidth; })()"))
        try tab.click("#zoom")

        // Print: controls hidden; the current view and the panel shown.
        try tab.send("Emulation.setEmulatedMedia", ["media": "print"])
        #expect(
            try tab.string("getComputedStyle(document.querySelector('.controls')).display")
                == "none")
        #expect(
            try tab.string("getComputedStyle(document.getElementById('panel')).display") != "none")
        #expect(
            try tab.string("getComputedStyle(document.querySelector('\(shown)')).display") != "none"
        )
        try tab.send("Emulation.setEmulatedMedia", ["media": ""])

        // Dark mode: dark page, light text, and the diagram's own dark rules.
        try tab.send(
            "Emulation.setEmulatedMedia",
            ["features": [["name": "prefers-color-scheme", "value": "dark"]]])
        #expect(
            try tab.string("getComputedStyle(document.body).backgroundColor") == "rgb(22, 24, 28)")
        #expect(try tab.string("getComputedStyle(document.body).color") == "rgb(230, 230, 230)")
        try tab.send("Runtime.evaluate", ["expression": "window.scrollTo(0, 0)"])
        try Support.writeArtifact("explorer-dark.png", try tab.screenshot())

        // Nothing was fetched, nothing failed, nothing opened.
        #expect(tab.requestedURLs.contains(url))
        #expect(Self.foreignRequests(tab, page: url) == [], "the page made network requests")
        #expect(tab.exceptions == [])
        #expect(tab.errors == [])
        #expect(browser.dialogs == [])
    }

    @Test("hostile names, notes, labels, URLs and even a hostile SVG cannot run script")
    func hostile() throws {
        var model = try Support.fixtureModel("hostile.yaml")
        // Past the validator: a source and an attribute URL the page itself must refuse.
        model.sources[1].url = "javascript:window.__xss='source-url'"
        let evil = try #require(model.index(of: "evil-body"))
        model.nodes[evil].attributes.append(("url", .string("javascript:alert('url')")))
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"
              onload="window.__xss='svg-onload'">
            <script>window.__xss='svg-script'</script>
            <g id="n-evil-body" class="node" onclick="window.__xss='onclick'"><title>evil</title>
            <a href="javascript:window.__xss='svg-link'">
            <ellipse cx="50" cy="50" rx="40" ry="20" fill="#fcc"/></a></g>
            <g id="n-quoted-state" class="node">
            <ellipse cx="150" cy="50" rx="40" ry="20" fill="#ccf"/></g>
            <g id="n-plain-state" class="node">
            <ellipse cx="250" cy="50" rx="40" ry="20" fill="#cfc"/></g>
            </svg>
            """
        let page = ExplorerPage.html(
            model: model,
            views: [
                ExplorerView(name: "evil\"><script>", title: "<script>alert(1)</script>", svg: svg)
            ],
            title: model.title)
        let browser = try Chromium(timeout: .seconds(90))
        defer { browser.close() }
        let (tab, url) = try Self.open(page, as: "explorer-hostile.html", in: browser)
        let shown = Self.visible

        try tab.click("#search")
        try tab.type("<script>")
        try tab.press("Enter")
        let name = try #require(model.node("evil-body")?.name)
        #expect(try tab.string("document.getElementById('d-title').textContent") == name)
        try tab.click("#details [data-act=start]")
        try tab.click("\(shown) g.n[data-id='quoted-state']")
        #expect(
            try tab.string("document.getElementById('d-title').textContent")
                == model.node("quoted-state")?.name)
        try tab.click("#details [data-act=end]")
        #expect(
            try tab.evaluate("document.querySelectorAll('#pathbox .paths button').length") as? Int
                == 1)
        try tab.click("\(shown) g.n[data-id='evil-body']")
        try tab.click(".picker [data-view=list]")
        try tab.click("#view-list button[data-id='plain-state']")
        try tab.click("#details .link")
        try tab.click("#search")
        try tab.press("Escape")
        #expect(try tab.string("document.getElementById('search').value") == "")
        try tab.type("'; window")
        try tab.press("ArrowDown")
        try tab.press("ArrowUp")
        try tab.press("Enter")
        #expect(
            try tab.string("document.getElementById('d-title').textContent")
                == model.node("quoted-state")?.name, "found by its hostile alias")
        try tab.click("#details [data-act=start]")
        try tab.click("#details [data-act=end]")

        #expect(try tab.string("typeof window.__xss") == "undefined")
        #expect(browser.dialogs == [], "a dialog opened")
        #expect(
            try tab.evaluate("document.querySelectorAll('img, iframe, object, embed').length")
                as? Int == 0)
        let hrefs =
            try tab.evaluate(
                "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
            as? [String] ?? []
        #expect(!hrefs.isEmpty)
        for href in hrefs {
            #expect(href.hasPrefix("#") || href.hasPrefix("https://"), "link \(href)")
        }
        let links =
            try tab.evaluate(
                "[...document.querySelectorAll('#details a')].map(a => a.target + ' ' + a.rel)")
            as? [String] ?? []
        #expect(!links.isEmpty && links.allSatisfy { $0 == "_blank noopener noreferrer" })
        #expect(try tab.string("document.title") == model.title)
        #expect(Self.foreignRequests(tab, page: url) == [], "the page made network requests")
        #expect(tab.exceptions == [])
        // The only errors are the CSP refusing the hostile SVG's script and handlers.
        #expect(tab.errors.allSatisfy { $0.contains("Content Security Policy") })
        #expect(!tab.errors.isEmpty, "the CSP reported the blocked inline script")
        try Support.writeArtifact("explorer-hostile.png", try tab.screenshot())
    }
}
