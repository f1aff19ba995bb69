import BayanCore

/// The key-points block of review.html (summary.mode abstractive or both): each verified point
/// in English and Arabic with links to the segments it cites, the dropped ones with their
/// reason, and the fallback notice. Kept apart from ReviewHTMLWriter so the page's templates
/// can move without touching it.
enum KeyPointsHTML {
    static func render(_ extras: SummaryExtras) -> String {
        var out = ""
        if let headline = extras.headline, headline.source == .abstract {
            out += "<p class=\"headline-en\" lang=\"en\">\(esc(headline.en)) <small>(headline written by the engine, from \(links(headline.cites)))</small></p>\n"
        }
        guard let abstract = extras.abstract else { return out }
        out += "<section class=\"summary keypoints\" id=\"key-points\">\n<h2><span>Key points</span><span lang=\"ar\" dir=\"rtl\">أبرز النقاط</span></h2>\n"
        if let fallback = abstract.fallback {
            out += "<p class=\"qa\" role=\"note\">No key points: \(esc(fallback)).</p>\n"
        }
        if !abstract.points.isEmpty {
            out += "<ol class=\"points\">\n"
            for point in abstract.points {
                out += "<li><p class=\"en\" lang=\"en\" dir=\"ltr\">\(esc(point.en)) <span class=\"cites\">\(links(point.cites))</span></p>"
                out += "<p class=\"ar\" lang=\"ar\" dir=\"rtl\">\(esc(point.ar))</p></li>\n"
            }
            out += "</ol>\n"
        }
        if !abstract.dropped.isEmpty {
            out += "<details><summary>\(abstract.dropped.count) point\(abstract.dropped.count == 1 ? "" : "s") dropped by the checks</summary><ul>\n"
            for d in abstract.dropped {
                out += "<li><p class=\"en\" lang=\"en\" dir=\"ltr\">\(esc(d.point.en.isEmpty ? "(no English)" : d.point.en))</p>"
                out += "<p class=\"qa\">\(esc(d.reason))</p></li>\n"
            }
            out += "</ul></details>\n"
        }
        if let reason = abstract.headlineDropped {
            out += "<p class=\"qa\">The engine's headline was dropped: \(esc(reason)).</p>\n"
        }
        return out + "</section>\n"
    }

    /// Links to the cited segments' rows (`#s<id>`), as "s3, s5".
    static func links(_ ids: [Int]) -> String {
        ids.map { "<a href=\"#s\($0)\">s\($0)</a>" }.joined(separator: ", ")
    }

    static func esc(_ text: String) -> String { XMLEscaping.escape(text) }
}
