import Synchronization

/// Scratches kept between scans, so each scan reuses memory instead of allocating its arrays.
/// A scan runs per sentence, so taking and giving back is on the hot path: one scratch waits in
/// a slot taken and refilled with one atomic exchange each; scans running at the same time fall
/// back to a lock around a short list.
final class MatchScratchPool: Sendable {
    /// A scratch on the heap, owned by whoever took it from the pool until given back.
    typealias Handle = UnsafeMutablePointer<MatchScratch>

    /// The waiting scratch's address, or 0 (an address, not a pointer: pointers are not Sendable).
    private let ready = Atomic<UInt>(0)
    private let idle = Mutex<[UInt]>([])
    /// A scratch that grew past this (a very long text) is freed rather than kept.
    static let keepBytes = 4 << 20
    static let keepCount = 16

    func take() -> Handle {
        if let handle = Handle(bitPattern: ready.exchange(0, ordering: .acquiring)) { return handle }
        if let handle = Handle(bitPattern: idle.withLock({ $0.popLast() ?? 0 })) { return handle }
        let handle = Handle.allocate(capacity: 1)
        handle.initialize(to: MatchScratch())
        return handle
    }

    func giveBack(_ handle: Handle) {
        guard handle.pointee.footprint <= MatchScratchPool.keepBytes else { return MatchScratchPool.release(handle) }
        if ready.compareExchange(expected: 0, desired: UInt(bitPattern: handle), ordering: .releasing).exchanged { return }
        let kept = idle.withLock { list in
            guard list.count < MatchScratchPool.keepCount else { return false }
            list.append(UInt(bitPattern: handle))
            return true
        }
        if !kept { MatchScratchPool.release(handle) }
    }

    private static func release(_ handle: Handle) {
        handle.pointee.free()
        handle.deinitialize(count: 1)
        handle.deallocate()
    }

    deinit {
        if let handle = Handle(bitPattern: ready.exchange(0, ordering: .acquiring)) { MatchScratchPool.release(handle) }
        idle.withLock { list in list.compactMap { Handle(bitPattern: $0) }.forEach(MatchScratchPool.release) }
    }
}
