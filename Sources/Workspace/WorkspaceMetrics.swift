import Foundation
import Prometheus
import Review

/// The workspace's Prometheus metrics: counters of what reviewers did, and gauges of the review
/// state read at scrape time. `/metrics` serves them after the daemon's own metrics
/// (`.state/metrics.prom`, written by its status reporter).
final class WorkspaceMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let saves: Counter
    let approvals: Counter
    let conflicts: Counter
    let publishes: Counter
    let uploads: Counter
    let refused: Counter
    private let documentsByState: [ReviewState: Gauge]
    private let segmentsReviewed: Gauge
    private let segmentsApproved: Gauge

    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        func counter(_ name: String, _ help: String) -> Counter {
            registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "bayan", subsystem: "review", metricName: name, unitName: "total", helpText: help))
        }
        saves = counter("saves", "Review changes saved (each request that changed at least one pair).")
        approvals = counter("approvals", "Pairs approved by reviewers.")
        conflicts = counter("conflicts", "Changes refused because the pair changed after the reviewer loaded it.")
        publishes = counter("publishes", "Documents republished from the review.")
        uploads = counter("uploads", "Files put into the inbox from the workspace.")
        refused = counter("refused_requests", "Requests refused by the security rules (Host, Origin, CSRF, login).")
        var byState: [ReviewState: Gauge] = [:]
        for state in [ReviewState.new, .inReview, .approved] {
            byState[state] = registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "bayan", subsystem: "review", metricName: "documents", unitName: "count", helpText: "Published documents by review state."),
                labels: [("state", state.rawValue)])
        }
        documentsByState = byState
        segmentsReviewed = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "bayan", subsystem: "review", metricName: "segments_reviewed", unitName: "count", helpText: "Sentence pairs a reviewer edited or approved."))
        segmentsApproved = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "bayan", subsystem: "review", metricName: "segments_approved", unitName: "count", helpText: "Sentence pairs approved."))
    }

    /// The exposition text: the daemon's metrics file (if any), then the workspace's.
    func render(queue: [QueueEntry], counts: (documents: Int, segments: Int, approved: Int), daemonMetricsFile: String) -> [UInt8] {
        var states: [ReviewState: Int] = [.new: 0, .inReview: 0, .approved: 0]
        for entry in queue where entry.stage == .published { states[entry.reviewState ?? .new, default: 0] += 1 }
        for (state, gauge) in documentsByState { gauge.set(Double(states[state] ?? 0)) }
        segmentsReviewed.set(Double(counts.segments))
        segmentsApproved.set(Double(counts.approved))
        var out: [UInt8] = []
        if let data = FileManager.default.contents(atPath: daemonMetricsFile), !data.isEmpty {
            out.append(contentsOf: data)
            if out.last != 0x0A { out.append(0x0A) }
        }
        registry.emit(into: &out)
        return out
    }
}
