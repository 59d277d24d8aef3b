import Testing

@testable import GraphvizRender

/// Renders and returns the error, failing the test if the render succeeds.
func renderError(
    _ dot: String, engine: LayoutEngine = .dot, limits: RenderLimits = RenderLimits()
) -> GraphvizError? {
    do {
        let rendered = try Graphviz.shared.render(dot: dot, engine: engine, limits: limits)
        Issue.record("expected an error, got \(rendered.bytes.count) bytes")
        return nil
    } catch {
        return error
    }
}

@Suite("Errors and diagnostics")
struct ErrorTests {
    @Test("a syntax error is a parse error carrying Graphviz's message")
    func syntaxError() throws {
        let error = try #require(renderError("digraph G {\n  a -> ;\n}"))
        #expect(error.stage == .parse)
        #expect(error.messages == ["Error: syntax error in line 2 near ';'"])
        #expect(
            error.description == """
                Graphviz parse error: the DOT text is not valid DOT
                  Error: syntax error in line 2 near ';'
                """)
    }

    @Test("empty input is a parse error")
    func empty() throws {
        let error = try #require(renderError("  // nothing\n"))
        #expect(error.stage == .parse)
        #expect(error.summary == "the DOT text contains no graph")
    }

    @Test(
        "trailing input and second graphs are rejected without affecting the next render",
        arguments: [
            ("digraph a { x } digraph b { y }", "more than one graph"),
            ("digraph a { x }\n\ngraph b { y -- z }\n", "more than one graph"),
            ("digraph a { x } trailing garbage", "text after the end of the graph"),
            ("digraph a { x } }", "text after the end of the graph"),
        ])
    func trailing(dot: String, expected: String) throws {
        let error = try #require(renderError(dot))
        #expect(error.stage == .parse)
        #expect(error.summary.contains(expected))
        // Nothing of the rejected text may reach the next parse (cgraph keeps unread
        // input in its global scanner buffer).
        let next = try Graphviz.shared.render(dot: "digraph \"next\" { \"z\" }").text
        #expect(next.contains("<title>next</title>"))
        #expect(!next.contains("<title>b</title>"))
        #expect(!next.contains("<title>y</title>"))
    }

    @Test("comments after the graph are fine")
    func trailingComments() throws {
        let rendered = try Graphviz.shared.render(
            dot: "digraph \"G\" { \"a\" }\n// line\n/* block */\n# shell\n")
        #expect(rendered.text.contains("<title>a</title>"))
    }

    @Test("a bare '@' (Graphviz's hidden end-of-input token) is refused; a quoted one is not")
    func bareAt() throws {
        let error = try #require(renderError("digraph \"G\" { \"a\" }\n@ digraph \"H\" { \"b\" }"))
        #expect(error.stage == .input)
        #expect(error.summary.hasPrefix("line 2 has an '@'"))
        let quoted = try Graphviz.shared.render(dot: "digraph \"G\" { \"mail@example.org\" }")
        #expect(quoted.text.contains("mail@example.org"))
    }

    @Test("a #line directive does not change later messages")
    func lineDirective() throws {
        let first = try #require(renderError("# 40 \"elsewhere.gv\"\ndigraph G { a -> ; }"))
        #expect(first.messages == ["Error: elsewhere.gv: syntax error in line 40 near ';'"])
        let second = try #require(renderError("digraph G {\n a -> ;\n}"))
        #expect(second.messages == ["Error: syntax error in line 2 near ';'"])
    }

    @Test("a 3000-character unknown shape is a captured warning, not a crash")
    func longShapeName() throws {
        let shape = String(repeating: "q", count: 3_000)
        let rendered = try Graphviz.shared.render(dot: "digraph G { a [shape=\"\(shape)\"] }")
        #expect(rendered.warnings == ["Warning: using box for unknown shape \(shape)"])
        #expect(rendered.text.contains("<polygon"))
    }

    @Test("a 1 MB unknown shape is captured intact")
    func veryLongShapeName() throws {
        let shape = String(repeating: "w", count: 1_000_000)
        let rendered = try Graphviz.shared.render(dot: "digraph G { a [shape=\"\(shape)\"] }")
        #expect(rendered.warnings == ["Warning: using box for unknown shape \(shape)"])
        let description = GraphvizError(stage: .layout, summary: "x", messages: rendered.warnings)
            .description
        #expect(description.count < 600)
        #expect(description.hasSuffix("(999637 more characters)"))
    }

    @Test("warnings belong to their own render")
    func warningsDoNotLeak() throws {
        let warned = try Graphviz.shared.render(dot: "digraph G { a [color=\"notacolor\"] }")
        #expect(warned.warnings == ["Warning: notacolor is not a known color."])
        let clean = try Graphviz.shared.render(dot: "digraph G { a }")
        #expect(clean.warnings.isEmpty)
    }

    @Test("an unknown engine is a layout error listing the engines")
    func unknownEngine() throws {
        #expect {
            try Graphviz.shared.render(
                dot: "digraph G { a }", engineName: "nosuch", formatName: "svg")
        } throws: { error in
            let error = error as? GraphvizError
            return error?.stage == .layout
                && error?.summary.hasPrefix("there is no layout engine named 'nosuch'") == true
                && error?.messages.first?.hasPrefix(
                    "Error: Layout type: \"nosuch\" not recognized. Use one of: circo dot") == true
        }
    }

    @Test("an unknown format is a render error")
    func unknownFormat() throws {
        #expect {
            try Graphviz.shared.render(
                dot: "digraph G { a }", engineName: "dot", formatName: "nosuch")
        } throws: { error in
            let error = error as? GraphvizError
            return error?.stage == .render
                && error?.summary.hasPrefix("there is no output format named 'nosuch'") == true
                && error?.messages == ["Error: renderer for nosuch is unavailable"]
        }
    }

    @Test("an error reported with a successful return code is kept as a warning")
    func errorWithoutFailure() throws {
        let rendered = try Graphviz.shared.render(
            dot: "digraph D { a1 }", engineName: "nop", formatName: "svg")
        #expect(
            rendered.warnings == [
                "Error: node a1 in graph D has no position\nas required by the -n flag"
            ])
    }

    @Test("the limits refuse large input before Graphviz sees it")
    func limits() throws {
        let big = "digraph G { \"" + String(repeating: "x", count: 2_000) + "\" }"
        let tooLong = try #require(renderError(big, limits: RenderLimits(inputBytes: 1_000)))
        #expect(tooLong.stage == .input)
        #expect(tooLong.summary == "the DOT text is 2016 bytes long; the limit is 1000 bytes")

        let nodes = (0..<30).map { "n\($0)" }.joined(separator: "; ")
        let tooMany = try #require(
            renderError("digraph G { \(nodes) }", limits: RenderLimits(nodes: 20)))
        #expect(tooMany.stage == .input)
        #expect(tooMany.summary.hasPrefix("the graph has 30 nodes and 0 edges"))

        let nul = try #require(renderError("digraph G {\n a \u{0} }"))
        #expect(nul.stage == .input)
        #expect(nul.summary == "the DOT text contains a NUL character (line 2)")

        #expect(RenderLimits(inputBytes: .max).inputBytes == RenderLimits.maximumInputBytes)
    }

    @Test("a missing plugin list is explained with the commands that fix it")
    func missingPluginList() {
        let summary = Graphviz.missingPluginsSummary(
            missing: ["layout dot", "output format svg"], layouts: [],
            configPath: "/usr/lib/x86_64-linux-gnu/graphviz/config6a", configExists: false,
            debianTool: "/usr/sbin/libgvc6-config-update")
        #expect(
            summary == "Graphviz plugins missing: layout dot, output format svg; the plugin list "
                + "/usr/lib/x86_64-linux-gnu/graphviz/config6a is missing, so Graphviz loaded no "
                + "plugins at all. Regenerate it as root with `/usr/sbin/libgvc6-config-update -c` "
                + "or `dot -c`, or reinstall libgvc6 (`apt-get install --reinstall libgvc6`), whose "
                + "install script writes it; copying Graphviz's .so files into an image without "
                + "running that script leaves it out.")
        let stale = Graphviz.missingPluginsSummary(
            missing: ["output format pdf"], layouts: ["dot", "neato"], configPath: "/x/config6a",
            configExists: true, debianTool: nil)
        #expect(
            stale.hasPrefix(
                "Graphviz plugins missing: output format pdf (layouts found: dot, neato); "
                    + "/x/config6a does not register them (stale plugin list?). Regenerate it as "
                    + "root with `dot -c` (from the graphviz package), or reinstall libgvc6"))
    }

    @Test("the description indents multi-line Graphviz messages")
    func setupDescription() {
        let error = GraphvizError(
            stage: .setup, summary: "Graphviz plugins missing: layout dot; fix it",
            messages: ["Warning: one\ntwo"])
        #expect(
            error.description == """
                Graphviz setup error: Graphviz plugins missing: layout dot; fix it
                  Warning: one
                  two
                """)
    }
}
