import Dispatch
import Synchronization

/// Hands out chunk indices `0..<count` to concurrent lanes, each exactly once.
final class ChunkDispenser: Sendable {
    private let next = Atomic<Int>(0)
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next unclaimed chunk, or `nil` when all have been claimed.
    func claim() -> Int? {
        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return chunk < count ? chunk : nil
    }
}

/// A pointer that lanes write through at disjoint indices only.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}

/// Runs `lane` on every core (or once on the calling thread when `parallel` is false or
/// there is a single chunk). Each lane claims chunks from the dispenser until none are left,
/// so the work done per chunk never depends on how many lanes run.
func runLanes(
    chunkCount: Int, parallel: Bool, _ lane: @Sendable (ChunkDispenser) -> Void
) {
    let dispenser = ChunkDispenser(count: chunkCount)
    if !parallel || chunkCount < 2 {
        lane(dispenser)
    } else {
        // Dispatch runs at most one iteration per core at a time; lanes that start after
        // the chunks run out return at once.
        DispatchQueue.concurrentPerform(iterations: min(chunkCount, 64)) { _ in
            lane(dispenser)
        }
    }
}

/// Splits `count` items into at most `maxChunks` contiguous ranges of near-equal size.
func chunkRanges(count: Int, maxChunks: Int = 256) -> [Range<Int>] {
    guard count > 0 else { return [] }
    let chunks = min(count, maxChunks)
    return (0..<chunks).map { c in (c * count / chunks)..<((c + 1) * count / chunks) }
}
