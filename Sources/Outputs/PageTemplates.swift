import BayanCore
import Mustache

/// The one set of templates and the one stylesheet of every human-facing page: `review.html`
/// (which inlines the stylesheet, as it is opened from disk) and the review workspace (which
/// links /static/app.css). Mustache escapes every `{{value}}`; `{{{…}}}` is used only for the
/// stylesheet and for HTML these templates rendered themselves.
public enum PageTemplates {
    public static let stylesheet = String(decoding: PackageResources.app_css, as: UTF8.self)

    /// Mustache's `{{value}}` escaping is BayanCore's one escaper (it also drops the characters
    /// XML 1.0 forbids); every template declares `{{% CONTENT_TYPE: BAYAN_HTML }}`.
    struct BayanHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { XMLEscaping.escape(text) }
    }

    public static let library: MustacheLibrary = {
        MustacheContentTypes.register(BayanHTML(), named: "BAYAN_HTML")
        var library = MustacheLibrary()
        let sources: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("document", PackageResources.document_mustache),
            ("pair", PackageResources.pair_mustache), ("queue", PackageResources.queue_mustache),
            ("login", PackageResources.login_mustache), ("glossary", PackageResources.glossary_mustache),
        ]
        for (name, bytes) in sources {
            // The templates are part of the binary; a broken one is a build mistake caught by tests.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return library
    }()

    /// Renders a named template; a missing template is a bug, reported as such.
    public static func render(_ context: [String: Any], template: String) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw BayanError(.internal, "the page template '\(template)' is missing from this build")
        }
        return html
    }

    /// A whole page: `content` (HTML rendered by these templates) inside the shared layout.
    /// - Parameters:
    ///   - inlineStyle: true for files opened from disk (review.html), false for served pages.
    ///   - extra: more layout values (workspace, reviewer, csrf, bodyClass).
    public static func page(title: String, content: String, inlineStyle: Bool, extra: [String: Any] = [:]) throws -> String {
        var context = extra
        context["title"] = title
        context["content"] = content
        context["inlineStyle"] = inlineStyle
        if inlineStyle { context["css"] = stylesheet }
        return try render(context, template: "layout")
    }
}
