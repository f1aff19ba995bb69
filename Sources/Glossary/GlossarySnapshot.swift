import BayanCore
import struct Foundation.Date

/// An immutable glossary with its matcher and verifier. A document takes one snapshot when it
/// starts and keeps it to the end, whatever reloads happen meanwhile.
public struct GlossarySnapshot: Sendable {
    public let glossary: Glossary
    public let matcher: CliticTermMatcher
    public let verifier: TermVerifier
    /// When the files were read.
    public let loadedAt: Date

    public init(glossary: Glossary, loadedAt: Date = Date()) {
        self.glossary = glossary
        self.matcher = CliticTermMatcher(glossary: glossary)
        self.verifier = TermVerifier(glossary: glossary)
        self.loadedAt = loadedAt
    }

    public var version: String { glossary.version }
    public var entryCount: Int { glossary.entries.count }

    public static let empty = GlossarySnapshot(glossary: .empty, loadedAt: Date(timeIntervalSince1970: 0))
}
