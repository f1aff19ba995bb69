import BayanCore

/// Renders one output file of a document's result.
///
/// Contract: pure (no I/O: the publisher writes the bytes atomically); the same result gives the
/// same bytes, except for fields documented as timings.
public protocol OutputWriter: Sendable {
    /// File name inside `out/<stem>/`; `stem` is the published folder's name.
    func fileName(stem: String) -> String
    func render(_ result: DocumentResult, stem: String) throws -> [UInt8]
}
