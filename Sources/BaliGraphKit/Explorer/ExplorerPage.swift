import StakeholderModel

/// One diagram on the explorer page: a view from `Graphs/` rendered to SVG.
public struct ExplorerView: Sendable {
    /// The view's name (`membership`): the page's picker and element ids use it.
    public var name: String
    /// The title on the view's button and above its diagram.
    public var title: String
    /// The SVG document as `SVGPostProcessor` finishes it: nodes are `<g class="node">`
    /// elements with `id="n-<model id>"`, edges `<g class="edge">` elements with
    /// `id="e-<from>--<relation>--<to>"`. Whatever comes before `<svg` (the XML declaration,
    /// a doctype, comments) is dropped; a view whose text has no `<svg` element is left out.
    ///
    /// The SVG is inlined as given, so it should come from the diagram pipeline, which
    /// removes scripts and foreign links; the page's Content Security Policy would still
    /// refuse to run any script or event handler it carried.
    public var svg: String

    /// Creates a view.
    public init(name: String, title: String, svg: String) {
        self.name = name
        self.title = title
        self.svg = svg
    }
}

/// The explorer: one self-contained HTML page for people who would rather click than type.
///
/// The page holds the diagrams as inline SVG with a view picker, a search box, a details
/// panel, shortest paths explained in words, and a date slider over the model's history.
/// Everything it needs is inside the file: the model as a JSON data block, one small inline
/// script and one style sheet. A Content Security Policy allows nothing to load and only that
/// script (named by its SHA-256 hash) to run, so the page makes no network request, whether
/// opened from disk or served by any static host, and text from the data can never run as
/// code: the script builds every element with `textContent`, never with HTML.
public enum ExplorerPage {
    /// The page for `model` (its whole history: the date slider filters it) with `views`.
    ///
    /// - Parameters:
    ///   - model: the full model; the page filters by date itself.
    ///   - views: the diagrams, in picker order. With none, the page opens on its list view.
    ///   - title: the page's title and heading.
    ///   - asOf: the date the page opens on; nil opens on all dates.
    /// - Returns: the HTML document, byte-identical for identical input.
    public static func html(
        model: Model, views: [ExplorerView], title: String, asOf: PartialDate? = nil
    ) -> String {
        let shown = views.compactMap { view -> (ExplorerView, String)? in
            guard let svg = svgElement(view.svg) else { return nil }
            return (view, svg)
        }
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<meta name=\"generator\" content=\"baligraph \(BaliGraphVersion.string)\">\n"
        out += "<title>\(text(title))</title>\n"
        out += "<link rel=\"icon\" href=\"data:,\">\n"
        out += "<style>\n\(ExplorerStyle.source)</style>\n"
        out += "<noscript><style>.view[hidden]{display:block}.needs-js{display:none}</style>"
        out += "</noscript>\n</head>\n<body>\n"
        out += "<a class=\"skip\" href=\"#search\">Skip to search</a>\n"
        out += "<a class=\"skip\" href=\"#panel\">Skip to details</a>\n"
        out += "<header>\n<h1>\(text(title))</h1>\n<p class=\"meta\">"
        out += text(summary(model)) + "</p>\n"
        if let description = model.description, !description.isEmpty {
            out += "<details class=\"about\"><summary>About the data</summary><p>"
            out += text(description) + "</p></details>\n"
        }
        out += "</header>\n"
        out += controls(views: shown.map(\.0), model: model, asOf: asOf)
        out += "<main id=\"main\">\n<div id=\"views\">\n"
        for (i, (view, svg)) in shown.enumerated() {
            out += "<figure class=\"view\" id=\"view-\(i)\" data-view=\"\(i)\""
            out += " data-name=\"\(text(view.name))\"\(i == 0 ? "" : " hidden")>\n"
            out += "<figcaption>\(text(view.title))</figcaption>\n"
            out += "<div class=\"canvas\">\n\(svg)\n</div>\n</figure>\n"
        }
        out += "<figure class=\"view list-view needs-js\" id=\"view-list\" data-view=\"list\""
        out += shown.isEmpty ? ">\n" : " hidden>\n"
        out += "<figcaption>Every node, by kind</figcaption>\n<div class=\"list\"></div>\n"
        out += "</figure>\n</div>\n"
        out += "<aside id=\"panel\" tabindex=\"-1\" aria-label=\"Details\">\n"
        out += "<section id=\"pathbox\" aria-label=\"Path\" hidden></section>\n"
        out += "<section id=\"details\"><p class=\"hint\">Search or click a node to see its"
        out += " details.</p></section>\n</aside>\n</main>\n"
        out += "<p id=\"live\" class=\"sr-only\" role=\"status\" aria-live=\"polite\"></p>\n"
        out += "<footer><p>Made with baligraph \(BaliGraphVersion.string) from "
        out += text(model.file) + ". This page works offline: everything it shows is in"
        out += " this one file.</p></footer>\n"
        out += "<script type=\"application/json\" id=\"model\">"
        out += ExplorerData.scriptText(ExplorerData.json(model, asOf: asOf))
        out += "</script>\n<script>\(ExplorerScript.source)</script>\n</body>\n</html>\n"
        return out
    }

    /// The page's Content Security Policy: nothing may load; only the page's own script,
    /// named by its SHA-256 hash, may run; inline styles (the SVGs' dark-mode rules) apply.
    public static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        + "script-src 'sha256-\(SHA256.base64(Array(ExplorerScript.source.utf8)))'; "
        + "base-uri 'none'; form-action 'none'"

    /// The controls: search, view picker and date, in tab order.
    static func controls(views: [ExplorerView], model: Model, asOf: PartialDate?) -> String {
        let fallback = asOf?.year ?? model.asOf?.year ?? 2000
        let years = ExplorerData.years(model, asOf: asOf) ?? fallback...fallback
        let start = min(max(asOf?.year ?? years.upperBound, years.lowerBound), years.upperBound)
        var out = "<div class=\"controls needs-js\">\n"
        out += "<div class=\"search\" role=\"search\">\n"
        out += "<label for=\"search\">Find a node</label>\n"
        out += "<input id=\"search\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\""
        out += " role=\"combobox\" aria-autocomplete=\"list\" aria-expanded=\"false\""
        out += " aria-controls=\"matches\" aria-describedby=\"search-help\""
        out += " placeholder=\"Name, short name, alias or ISO code\">\n"
        out += "<span id=\"search-help\" class=\"sr-only\">Type to search; arrow keys choose,"
        out += " Enter opens, Escape closes.</span>\n"
        out += "<ul id=\"matches\" role=\"listbox\" aria-label=\"Matching nodes\" hidden></ul>\n"
        out += "</div>\n<nav class=\"picker\" aria-label=\"Views\">\n"
        for (i, view) in views.enumerated() {
            out += "<button type=\"button\" data-view=\"\(i)\" data-name=\"\(text(view.name))\""
            out += " aria-pressed=\"\(i == 0)\">\(text(view.title))</button>\n"
        }
        out += "<button type=\"button\" data-view=\"list\" aria-pressed=\"\(views.isEmpty)\">"
        out += "List</button>\n</nav>\n"
        out += "<button type=\"button\" id=\"zoom\" aria-pressed=\"false\">Actual size</button>\n"
        out += "<div class=\"date\">\n<label><input type=\"checkbox\" id=\"all-dates\""
        out += asOf == nil ? " checked" : ""
        out += "> All dates</label>\n<label for=\"year\">As of</label>\n"
        out +=
            "<input type=\"range\" id=\"year\" min=\"\(years.lowerBound)\""
        out += " max=\"\(years.upperBound)\" step=\"1\""
        out += " value=\"\(start)\">\n<output id=\"year-out\" for=\"year\"></output>\n"
        out += "</div>\n</div>\n"
        return out
    }

    /// "Data as of 2026-11-30 · 99 nodes · 203 ties · 102 sources".
    static func summary(_ model: Model) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [
            "Data as of " + (model.asOf?.description ?? "an unstated date"),
            count(model.nodes.count, "node"), count(model.edges.count, "tie"),
            count(model.sources.count, "source"),
        ].joined(separator: " · ")
    }

    /// The `<svg …>…</svg>` element of an SVG document, or nil when there is none.
    static func svgElement(_ document: String) -> String? {
        guard let start = document.range(of: "<svg") else { return nil }
        var svg = document[start.lowerBound...]
        while let last = svg.last, last.isWhitespace { svg.removeLast() }
        return String(svg)
    }

    /// Text for HTML element content or a quoted attribute value: the five special
    /// characters escaped; control characters and bidirectional overrides removed.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            default:
                switch scalar.value {
                case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: continue
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A CSS-safe identifier, as the diagram writer makes them: `a`–`z`, `0`–`9` and `-`
    /// kept, `_` doubled, anything else as `_<hex>_`.
    static func cssIdentifier(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": out.unicodeScalars.append(scalar)
            case "_": out += "__"
            default: out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }
}
