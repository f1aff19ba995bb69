import Testing
@testable import Daemon

@Suite struct InboxQueueTests {
    func entry(_ name: String, size: Int64, mtime: Int64 = 1, kind: InboxEntry.Kind = .regular) -> InboxEntry {
        InboxEntry(name: name, kind: kind, size: size, mtimeNanos: mtime, inode: 7)
    }

    @Test func fileIsReadyOnlyAfterItStoppedChangingForTheSettleTime() {
        var q = InboxQueue()
        q.applyScan([entry("a.txt", size: 10)], now: 0, settle: 1)
        #expect(q.popReady() == nil)
        q.applyScan([entry("a.txt", size: 20, mtime: 2)], now: 0.9, settle: 1)  // still growing
        #expect(q.popReady() == nil)
        #expect(q.settling(now: 1.5, settle: 1).next == 1.9)
        q.applyScan([entry("a.txt", size: 20, mtime: 2)], now: 1.95, settle: 1)
        #expect(q.popReady() == "a.txt")
        #expect(q.popReady() == nil)
    }

    @Test func renamedArrivalIsReadyAtOnce() {
        var q = InboxQueue()
        q.noteRenamed("b.txt")
        q.observe(entry("b.txt", size: 5), now: 0, settle: 60)
        #expect(q.popReady() == "b.txt")
    }

    @Test func vanishedFilesAreForgotten() {
        var q = InboxQueue()
        q.applyScan([entry("c.txt", size: 1)], now: 0, settle: 0)
        q.applyScan([], now: 1, settle: 0)
        #expect(q.popReady() == nil)
        #expect(q.readyCount == 0)
    }

    @Test func nonRegularEntriesAreReadyToBeRejected() {
        var q = InboxQueue()
        q.observe(entry("link", size: 0, kind: .symlink), now: 0, settle: 60)
        #expect(q.popReady() == "link")
    }
}
