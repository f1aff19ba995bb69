import Synchronization

/// Scratches kept between scans, so each scan reuses memory instead of allocating its arrays.
/// A lock around a short list: uncontended it costs far less than the allocations it saves.
final class MatchScratchPool: Sendable {
    private let idle = Mutex<[MatchScratch]>([])
    /// A scratch that grew past this (a very long text) is freed rather than kept.
    static let keepBytes = 4 << 20
    static let keepCount = 16

    func take() -> MatchScratch {
        idle.withLock { $0.popLast() } ?? MatchScratch()
    }

    func giveBack(_ scratch: MatchScratch) {
        let kept = scratch.footprint <= MatchScratchPool.keepBytes && idle.withLock { list in
            guard list.count < MatchScratchPool.keepCount else { return false }
            list.append(scratch)
            return true
        }
        if !kept { scratch.free() }
    }

    deinit {
        idle.withLock { list in list.forEach { $0.free() } }
    }
}
