import BayanCore

/// Turns the bytes of one input file into a `Document`.
///
/// Contract: never touches the file system (the caller opened the file safely and read it within
/// its size limit); throws `BayanError` with code `.badInput` and a sentence a person understands
/// when the bytes cannot be read; never traps on any input.
public protocol DocumentReader: Sendable {
    func read(_ bytes: [UInt8], fileName: String) throws -> Document
}

/// Splits a document into sentences, each with its exact span in `Document.text`.
public protocol SentenceSegmenter: Sendable {
    func segment(_ document: Document) -> [Segment]
}
