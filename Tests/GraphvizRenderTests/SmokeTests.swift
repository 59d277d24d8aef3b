import Testing

@testable import GraphvizRender

@Test func smoke() throws {
    let r = try Graphviz.shared.render(dot: "digraph G { a -> b }")
    print(r.text)
    print(r.warnings)
}
