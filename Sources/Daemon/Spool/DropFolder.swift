/// A folder files are dropped into (the inbox, reviewed/) as a dispatcher sees it: inotify
/// hints name files to look at sooner, a full scan every `rescanInterval` (and after the hint
/// queue overflowed) is the truth, and `InboxQueue` decides which names have settled.
struct DropFolder {
    let path: String
    var queue = InboxQueue()
    private var lastScan = -Double.infinity

    init(path: String) { self.path = path }

    /// Looks at what the hints name and, when due, scans the whole folder. Returns whether the
    /// hints overflowed (events were lost, so the folder was scanned).
    @discardableResult
    mutating func refresh(_ hints: [WatchHint], now: Double, settle: Double, rescanInterval: Double) -> Bool {
        var overflowed = false
        var fullScan = now - lastScan >= rescanInterval
        for hint in hints {
            switch hint {
            case .overflow:
                fullScan = true
                overflowed = true
            case .renamedIn(let name):
                queue.noteRenamed(name)
                if let entry = entry(name) { queue.observe(entry, now: now, settle: settle) }
            case .written(let name):
                if !InboxEntry.isIgnored(name), let entry = entry(name) { queue.observe(entry, now: now, settle: settle) }
            }
        }
        if fullScan {
            if let entries = try? InboxEntry.scan(path) { queue.applyScan(entries, now: now, settle: settle) }
            lastScan = now
        } else {
            for name in queue.settling(now: now, settle: settle).due {
                if let entry = entry(name) { queue.observe(entry, now: now, settle: settle) } else { queue.forget(name) }
            }
        }
        return overflowed
    }

    /// When the folder next needs a look: the next full scan or the next settle deadline.
    func nextLook(settle: Double, rescanInterval: Double, now: Double) -> Double {
        var next = lastScan + rescanInterval
        if let due = queue.settling(now: now, settle: settle).next { next = min(next, due) }
        return next
    }

    func entry(_ name: String) -> InboxEntry? { InboxEntry.stat(path + "/" + name, name: name) }
}
