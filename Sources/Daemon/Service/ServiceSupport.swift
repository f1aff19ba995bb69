import Synchronization

/// Hints collected by the watcher task, drained by the dispatcher.
final class HintInbox: Sendable {
    private let hints = Mutex<[WatchHint]>([])
    func add(_ hint: WatchHint) { hints.withLock { $0.append(hint) } }
    func drain() -> [WatchHint] { hints.withLock { h in defer { h.removeAll() }; return h } }
}

final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { flag.load(ordering: .sequentiallyConsistent) }
    /// Returns whether the flag was set, and clears it.
    func take() -> Bool { flag.exchange(false, ordering: .sequentiallyConsistent) }
}

/// Outcomes of worker tasks, handed back to the dispatcher.
final class FinishedJobs: Sendable {
    enum Item: Sendable {
        /// `bytes`: the input's size, counted against `bytes_in_flight` while it ran.
        case completed(translated: Bool, bytes: Int)
        case deferred(ClaimedJob, String, Bool, bytes: Int)
    }
    private let items = Mutex<[Item]>([])
    func add(_ item: Item) { items.withLock { $0.append(item) } }
    func drain() -> [Item] { items.withLock { i in defer { i.removeAll() }; return i } }
}
