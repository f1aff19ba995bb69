/// A document's id everywhere (URLs, API, importers): the name of its published folder under
/// `out/`. Only ids that pass this allowlist are ever mapped to a path, and only through the
/// spool layout (`SpoolLayout.out + "/" + id`), never by joining other user text.
public struct DocumentID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `raw` is 1–128 of `A-Z a-z 0-9 . _ -`, starts with a letter or digit, and holds no `..`.
    public init?(_ raw: String) {
        guard Self.isValid(raw) else { return nil }
        rawValue = raw
    }

    public var description: String { rawValue }

    public static func isValid(_ raw: String) -> Bool {
        let bytes = Array(raw.utf8)
        guard (1...128).contains(bytes.count), !raw.contains("..") else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard alnum(bytes[0]) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}
