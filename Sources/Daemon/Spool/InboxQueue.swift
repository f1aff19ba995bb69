/// The daemon's view of the inbox: which names are settling, which are ready to claim.
///
/// A file is ready when its size, mtime and inode stayed the same for `settle` seconds, or
/// when it arrived by rename (atomic, so complete). A writer that appends in several sessions
/// keeps resetting the clock. Full scans are the truth; hints only add names to look at sooner.
struct InboxQueue: Sendable {
    private struct Seen: Sendable {
        var size: Int64
        var mtimeNanos: Int64
        var inode: UInt64
        var stableSince: Double
        var renamed: Bool
    }

    private var seen: [String: Seen] = [:]
    private var ready: [String] = []
    private var readySet: Set<String> = []
    private var readyIndex = 0
    private var renamedHints: Set<String> = []
    /// Names seen and not ready yet: kept apart so each dispatcher pass looks only at these,
    /// not at every name of a large inbox.
    private var settlingNames: Set<String> = []

    var readyCount: Int { ready.count - readyIndex }

    /// Records that `name` arrived by rename (inotify IN_MOVED_TO); applied when it is observed.
    mutating func noteRenamed(_ name: String) { renamedHints.insert(name) }

    /// A full directory scan: forgets names that are gone.
    mutating func applyScan(_ entries: [InboxEntry], now: Double, settle: Double) {
        let present = Set(entries.map(\.name))
        seen = seen.filter { present.contains($0.key) }
        settlingNames = settlingNames.filter { present.contains($0) }
        for entry in entries { observe(entry, now: now, settle: settle) }
        if ready.count - readyIndex != ready.count {  // compact consumed prefix
            ready.removeFirst(readyIndex)
            readyIndex = 0
        }
        ready.removeAll { !present.contains($0) }
        readySet = Set(ready)
        renamedHints = renamedHints.filter { present.contains($0) }
    }

    /// Looks at one entry (from a scan or a hint).
    mutating func observe(_ entry: InboxEntry, now: Double, settle: Double) {
        let renamed = renamedHints.contains(entry.name)
        if var previous = seen[entry.name] {
            if previous.size != entry.size || previous.mtimeNanos != entry.mtimeNanos || previous.inode != entry.inode {
                previous = Seen(size: entry.size, mtimeNanos: entry.mtimeNanos, inode: entry.inode, stableSince: now, renamed: renamed)
            }
            previous.renamed = previous.renamed || renamed
            seen[entry.name] = previous
        } else {
            seen[entry.name] = Seen(size: entry.size, mtimeNanos: entry.mtimeNanos, inode: entry.inode, stableSince: now, renamed: renamed)
        }
        if let s = seen[entry.name], s.renamed || s.stableSince + settle <= now || entry.kind != .regular {
            markReady(entry.name)
        } else if !readySet.contains(entry.name) {
            settlingNames.insert(entry.name)
        }
    }

    /// Names still settling whose deadline has passed (to be looked at again), and the next deadline.
    func settling(now: Double, settle: Double) -> (due: [String], next: Double?) {
        var due: [String] = []
        var next: Double? = nil
        for name in settlingNames {
            guard let s = seen[name] else { continue }
            let deadline = s.stableSince + settle
            if deadline <= now { due.append(name) } else { next = min(next ?? deadline, deadline) }
        }
        return (due, next)
    }

    mutating func popReady() -> String? {
        while readyIndex < ready.count {
            let name = ready[readyIndex]
            readyIndex += 1
            if readySet.remove(name) != nil {
                seen[name] = nil
                renamedHints.remove(name)
                return name
            }
        }
        ready.removeAll()
        readyIndex = 0
        return nil
    }

    mutating func forget(_ name: String) {
        seen[name] = nil
        settlingNames.remove(name)
        readySet.remove(name)
        renamedHints.remove(name)
    }

    private mutating func markReady(_ name: String) {
        settlingNames.remove(name)
        if readySet.insert(name).inserted { ready.append(name) }
    }
}
