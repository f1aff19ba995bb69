import BayanCore

/// `review.html`: one self-contained page for the reviewer: headline, counts, the bilingual
/// summary, then every paragraph with each Arabic sentence beside its English, glossary terms
/// highlighted (approved term on hover) and QA findings on their sentence.
///
/// Rendered from the same templates and stylesheet as the review workspace (`PageTemplates`),
/// with the stylesheet inlined: no scripts and no external assets, and a Content-Security-Policy
/// that forbids both, so even text that escaped escaping could not run. Mustache escapes every
/// piece of document text.
public struct ReviewHTMLWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "review.html" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let model = ReviewPageModel(result, stem: stem)
        let content = try PageTemplates.render(model.context, template: "document")
        let html = try PageTemplates.page(title: model.title, content: content, inlineStyle: true)
        return Array(html.utf8)
    }
}
