import Foundation
import Testing

@testable import BaliGraphKit

@Suite("The built-in model")
struct EmbeddedModelTests {
    @Test("the embedded copy is byte-identical to Data/bali-process.yaml (run `make embed`)")
    func inSync() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/bali-process.yaml")
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(BuiltInModel.text + "\n" == file)
    }

    @Test("it loads without errors or warnings")
    func loads() throws {
        let result = ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label)
        #expect(result.diagnostics.map(\.formatted) == [])
        #expect(result.model != nil)
    }
}
