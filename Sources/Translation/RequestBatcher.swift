import BayanCore
import Foundation

/// One per engine, shared by every document: fills each request up to the engine's limits
/// with sentences from every waiting document (lingering a few milliseconds for more), keeps at
/// most `concurrency` requests in flight, rotates which document starts each batch so that
/// documents progress fairly, and hands each answer back to its document.
actor RequestBatcher {
    private struct Ticket {
        var results: [String?]
        var remaining: Int
        var continuation: CheckedContinuation<[String], any Error>
    }

    private let sender: BatchSender
    private let limits: BatchLimits
    private let concurrency: Int
    private let linger: Double

    private var tickets: [UInt64: Ticket] = [:]
    /// Items not yet sent, per ticket; `order` holds tickets with pending items, oldest first.
    private var pending: [UInt64: ArraySlice<BatchSender.Entry>] = [:]
    private var order: [UInt64] = []
    private var oldestPending: Double?
    private var rotation = 0
    private var inFlight = 0
    private var nextTicket: UInt64 = 0
    private var lingerScheduled = false
    private var cancelledEarly: Set<UInt64> = []

    init(sender: BatchSender, limits: BatchLimits, concurrency: Int, linger: Double) {
        self.sender = sender
        self.limits = BatchLimits(maxItems: max(1, limits.maxItems), maxBytes: max(1, limits.maxBytes))
        self.concurrency = max(1, concurrency)
        self.linger = max(0, linger)
    }

    /// One English string per item, in order; throws `BayanError` (or CancellationError).
    func submit(_ items: [TranslationItem]) async throws -> [String] {
        guard !items.isEmpty else { return [] }
        if let refusal = refusal() { throw refusal }
        nextTicket += 1
        let id = nextTicket
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[String], any Error>) in
                if cancelledEarly.remove(id) != nil {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                tickets[id] = Ticket(results: Array(repeating: nil, count: items.count), remaining: items.count, continuation: continuation)
                pending[id] = ArraySlice(items.enumerated().map { BatchSender.Entry(ticket: id, index: $0, item: $1) })
                order.append(id)
                if oldestPending == nil { oldestPending = Self.now() }
                pump()
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Why nothing may be sent now (quota held, breaker open), without a request.
    private func refusal() -> BayanError? {
        let health = sender.health.snapshot
        let kind = sender.engine.info.kind
        switch health.state {
        case .hold:
            return BayanError(
                .engineQuota, "\(kind) quota is spent; documents wait until the operator resumes the engine (bayan engine resume, SIGHUP, or a configuration change)",
                cause: health.lastError)
        case .open:
            let now = sender.health.now()
            if let until = health.openUntil, until > now {
                return BayanError(
                    .engineTransient, "\(kind) failed repeatedly; requests are paused for \(Int((until - now).rounded(.up))) s (circuit breaker open); the document stays queued",
                    cause: health.lastError)
            }
            return nil
        case .ok, .retrying:
            return nil
        }
    }

    private func cancel(_ id: UInt64) {
        guard let ticket = tickets.removeValue(forKey: id) else {
            if id == nextTicket { cancelledEarly.insert(id) }
            return
        }
        dropPending(id)
        ticket.continuation.resume(throwing: CancellationError())
    }

    private func dropPending(_ id: UInt64) {
        pending[id] = nil
        order.removeAll { $0 == id }
        if order.isEmpty { oldestPending = nil }
    }

    private func pump() {
        while inFlight < concurrency, !order.isEmpty {
            if let refusal = refusal() {
                for id in order { fail(id, refusal) }
                return
            }
            // Half-open breaker: exactly one probe at a time.
            if sender.health.snapshot.state == .open && inFlight > 0 { return }
            let (count, bytes) = pendingSize(upTo: limits)
            let full = count >= limits.maxItems || bytes >= limits.maxBytes
            if !full, let oldest = oldestPending {
                let due = oldest + linger
                let now = Self.now()
                if now < due {
                    scheduleLinger(after: due - now)
                    return
                }
            }
            let batch = takeBatch()
            guard !batch.isEmpty else { return }
            inFlight += 1
            let sender = self.sender
            // The whole request runs on this actor: `send`, the engine and the transport are
            // `nonisolated(nonsending)`, so encoding, handing to curl, decoding and the refill
            // that follows are one job on the actor, resumed once when curl answers, instead
            // of three trips through the cooperative queue behind the documents' CPU stages.
            // The hops stay at the caller's priority: at high priority they starved the test
            // suite's other tasks for seconds (docs/BENCHMARKS.md).
            Task {
                let results = await sender.send(batch)
                finished(batch, results)
            }
        }
    }

    private func scheduleLinger(after seconds: Double) {
        guard !lingerScheduled else { return }
        lingerScheduled = true
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            lingerEnded()
        }
    }

    private func lingerEnded() {
        lingerScheduled = false
        pump()
    }

    private func pendingSize(upTo limits: BatchLimits) -> (Int, Int) {
        var count = 0
        var bytes = 0
        for id in order {
            for entry in pending[id] ?? [] {
                count += 1
                bytes += Self.size(entry.item)
                if count >= limits.maxItems || bytes >= limits.maxBytes { return (count, bytes) }
            }
        }
        return (count, bytes)
    }

    /// Takes up to the limits, starting with the next document in rotation and continuing with
    /// the others, each document's sentences contiguous and in order.
    private func takeBatch() -> [BatchSender.Entry] {
        guard !order.isEmpty else { return [] }
        var batch: [BatchSender.Entry] = []
        var bytes = 0
        let start = rotation % order.count
        let visiting = Array(order[start...] + order[..<start])
        outer: for id in visiting {
            while let entry = pending[id]?.first {
                let size = Self.size(entry.item)
                if !batch.isEmpty && (batch.count >= limits.maxItems || bytes + size > limits.maxBytes) { break outer }
                batch.append(entry)
                bytes += size
                pending[id]?.removeFirst()
            }
        }
        let drained = Set(order.filter { pending[$0]?.isEmpty ?? true })
        for id in drained { pending[id] = nil }
        order.removeAll { drained.contains($0) }
        rotation = order.isEmpty ? 0 : (start + 1) % max(1, order.count)
        oldestPending = order.isEmpty ? nil : Self.now()
        return batch
    }

    private func finished(_ batch: [BatchSender.Entry], _ results: [Result<String, BayanError>]) {
        inFlight -= 1
        for (entry, result) in zip(batch, results) {
            guard var ticket = tickets[entry.ticket] else { continue }
            switch result {
            case .success(let text):
                guard entry.index < ticket.results.count, ticket.results[entry.index] == nil else { continue }
                ticket.results[entry.index] = text
                ticket.remaining -= 1
                if ticket.remaining == 0 {
                    tickets[entry.ticket] = nil
                    ticket.continuation.resume(returning: ticket.results.map { $0 ?? "" })
                } else {
                    tickets[entry.ticket] = ticket
                }
            case .failure(let error):
                fail(entry.ticket, error)
            }
        }
        pump()
    }

    private func fail(_ id: UInt64, _ error: BayanError) {
        dropPending(id)
        guard let ticket = tickets.removeValue(forKey: id) else { return }
        ticket.continuation.resume(throwing: error)
    }

    static func size(_ item: TranslationItem) -> Int { item.text.utf8.count + 16 }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
