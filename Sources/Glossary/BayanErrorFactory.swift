import BayanCore

/// Glossary errors in one place so that every one carries the `glossary` code.
enum BayanErrorFactory {
    static func glossary(_ message: String) -> BayanError { BayanError(.glossary, message) }
}
