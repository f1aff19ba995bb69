import Synchronization

/// The running configuration and the stages built from it. A reload validates first and swaps
/// both at once; a document keeps the stages it started with (Caddy: a bad reload keeps the old).
public final class StagesHolder: Sendable {
    public struct Current: Sendable {
        public var config: BayanConfig
        public var pipeline: DocumentPipeline
    }

    private let current: Mutex<Current>

    public init(config: BayanConfig, stages: PipelineStages) {
        current = Mutex(Current(config: config, pipeline: DocumentPipeline(stages: stages)))
    }

    public var snapshot: Current { current.withLock { $0 } }

    public func swap(config: BayanConfig, stages: PipelineStages) {
        current.withLock { $0 = Current(config: config, pipeline: DocumentPipeline(stages: stages)) }
    }
}
