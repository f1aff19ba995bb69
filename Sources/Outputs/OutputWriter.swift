import BayanCore

/// Renders one output file of a document's result.
///
/// Contract: pure (no I/O: the publisher writes the bytes atomically); the same result gives the
/// same bytes, except for fields documented as timings.
public protocol OutputWriter: Sendable {
    /// File name inside `out/<stem>/`; `stem` is the published folder's name.
    func fileName(stem: String) -> String
    func render(_ result: DocumentResult, stem: String) throws -> [UInt8]
    /// The file name for this result; a writer whose name depends on the input's format (the
    /// English release) implements it. The publisher calls this one.
    func fileName(stem: String, result: DocumentResult) -> String
}

extension OutputWriter {
    public func fileName(stem: String, result: DocumentResult) -> String { fileName(stem: stem) }
}
