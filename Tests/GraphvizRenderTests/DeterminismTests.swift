import Foundation
import Synchronization
import Testing

@testable import GraphvizRender

@Suite("Determinism and concurrency")
struct DeterminismTests {
    @Test(
        "five renders in one process give identical bytes",
        arguments: [LayoutEngine.dot, .neato, .circo, .twopi, .osage, .patchwork])
    func repeated(engine: LayoutEngine) throws {
        let first = try Graphviz.shared.render(dot: Samples.gradients, engine: engine)
        for _ in 1..<5 {
            let again = try Graphviz.shared.render(dot: Samples.gradients, engine: engine)
            #expect(firstDifference(again.bytes, first.bytes) == nil)
        }
    }

    @Test("gradient ids start from zero in every render")
    func gradientIDs() throws {
        for _ in 0..<3 {
            let text = try Graphviz.shared.render(dot: Samples.gradients).text
            #expect(text.contains("<linearGradient id=\"l_0\""))
            #expect(text.contains("<linearGradient id=\"l_1\""))
            #expect(text.contains("<radialGradient id=\"r_0\""))
            #expect(!text.contains("id=\"l_2\""))
            #expect(text.contains("fill=\"url(#l_0)\""))
            #expect(text.contains("fill=\"url(#r_0)\""))
        }
    }

    @Test("many concurrent renders give the same bytes as serial ones")
    func concurrent() async throws {
        let samples = [Samples.clustered, Samples.gradients, Samples.plain]
        let expected = try samples.map { try Graphviz.shared.render(dot: $0).bytes }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for index in 0..<48 {
                group.addTask {
                    let sample = index % samples.count
                    return (sample, try Graphviz.shared.render(dot: samples[sample]).bytes)
                }
            }
            var results: [(Int, [UInt8])] = []
            for try await result in group {
                results.append(result)
            }
            return results
        }
        #expect(results.count == 48)
        for (sample, bytes) in results {
            #expect(firstDifference(bytes, expected[sample]) == nil)
        }
    }

    @Test("renders from plain threads are serialised too")
    func threads() throws {
        let expected = try Graphviz.shared.render(dot: Samples.clustered, engine: .neato).bytes
        let mismatches = Counter()
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread.detachNewThread {
                for _ in 0..<5 {
                    let bytes = try? Graphviz.shared.render(dot: Samples.clustered, engine: .neato)
                        .bytes
                    if bytes != expected {
                        mismatches.increment()
                    }
                }
                done.leave()
            }
        }
        done.wait()
        #expect(mismatches.value == 0)
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let count = Mutex(0)

    func increment() {
        count.withLock { $0 += 1 }
    }

    var value: Int {
        count.withLock { $0 }
    }
}
