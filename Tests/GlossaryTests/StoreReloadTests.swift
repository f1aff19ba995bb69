import BayanCore
import Foundation
import Glossary
import Logging
import Testing

@Suite struct StoreReloadTests {
    final class Dir {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-store-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static let good = "ar\ten\nجمارك دبي\tDubai Customs\nشحنة\tshipment\n"
    static let better = "ar\ten\nجمارك دبي\tDubai Customs\nشحنة\tconsignment\nدبي\tDubai\n"
    static let broken = "ar\ten\nجمارك دبي\tDubai Customs\nشحنة\t\n"

    @Test func reloadSwapsOnSuccessAndKeepsThePreviousOnFailure() throws {
        let dir = try Dir()
        let path = try dir.write("g.tsv", Self.good)
        let log = LogRecorder()
        let store = GlossaryStore(files: [path], logger: log.logger())
        let first = store.snapshot
        #expect(log.messages == ["info: glossary loaded: version \(first.version.prefix(12)), 2 entries"])
        #expect(first.entryCount == 2)
        #expect(store.lastProblems.isEmpty)

        _ = try dir.write("g.tsv", Self.broken)
        let rejected = store.reload()
        guard case .rejected(let problems) = rejected else {
            Issue.record("expected a rejection, got \(rejected)")
            return
        }
        #expect(problems.map(\.description) == ["\(path):3: en is empty; write the approved English for «شحنة» or delete the line"])
        #expect(store.snapshot.version == first.version)
        #expect(store.lastProblems == problems)
        #expect(log.messages.suffix(2) == [
            "error: glossary rejected; keeping version \(first.version.prefix(12)) (2 entries)",
            "error: \(path):3: en is empty; write the approved English for «شحنة» or delete the line",
        ])

        _ = try dir.write("g.tsv", Self.better)
        #expect(store.reload() == .updated(version: store.snapshot.version, entries: 3))
        #expect(store.snapshot.version != first.version)
        #expect(store.lastProblems.isEmpty)
        #expect(store.reload() == .unchanged(version: store.snapshot.version))
        // A document that started earlier still holds its snapshot.
        #expect(first.matcher.matches(in: "شحنة").first?.en == "shipment")
        #expect(store.snapshot.matcher.matches(in: "شحنة").first?.en == "consignment")
    }

    @Test func missingFileStartsEmptyWithAProblem() {
        let store = GlossaryStore(files: ["/nonexistent/g.tsv"], logger: LogRecorder().logger())
        #expect(store.snapshot.entryCount == 0)
        #expect(store.lastProblems.first?.description.hasPrefix("/nonexistent/g.tsv:0: cannot read the file") == true)
    }

    /// The next outcome from the watcher, or nil when none arrives before the deadline.
    func next(_ stream: AsyncStream<GlossaryStore.Outcome>, within seconds: Double) async -> GlossaryStore.Outcome? {
        await withTaskGroup(of: GlossaryStore.Outcome?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))  // the deadline, not a wait for the event
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func watcherReloadsAGoodEditAndRejectsABrokenOne() async throws {
        let dir = try Dir()
        let path = try dir.write("g.tsv", Self.good)
        let store = GlossaryStore(files: [path], logger: LogRecorder().logger())
        let watcher = GlossaryWatcher(store: store, interval: .milliseconds(20))
        let task = Task { await watcher.run() }
        defer { task.cancel() }
        let start = store.snapshot

        _ = try dir.write("g.tsv", Self.better)
        let updated = await next(watcher.outcomes, within: 10)
        #expect(updated == .updated(version: store.snapshot.version, entries: 3))
        #expect(store.snapshot.version != start.version)

        let live = store.snapshot.version
        _ = try dir.write("g.tsv", Self.broken)
        let rejected = await next(watcher.outcomes, within: 10)
        guard case .rejected(let problems)? = rejected else {
            Issue.record("expected a rejection, got \(String(describing: rejected))")
            return
        }
        #expect(problems.first?.line == 3)
        #expect(store.snapshot.version == live)
        #expect(store.lastProblems.count == 1)
    }

    @Test func pollSeesNoChangeWithoutAnEdit() throws {
        let dir = try Dir()
        let path = try dir.write("g.tsv", Self.good)
        let store = GlossaryStore(files: [path], logger: LogRecorder().logger())
        let watcher = GlossaryWatcher(store: store)
        #expect(watcher.poll() == nil)
        _ = try dir.write("g.tsv", Self.better)
        #expect(watcher.poll() == .updated(version: store.snapshot.version, entries: 3))
        #expect(watcher.poll() == nil)
    }
}
