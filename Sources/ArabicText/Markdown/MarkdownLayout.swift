import BayanCore
import Ink

/// A Markdown file as Bayan reads it: Ink parses the blocks, and each block's HTML (which Ink
/// renders per block, with the block's raw source) is walked for its text, its inline marks and
/// its list nesting. The reader builds `Document` from `units`; the release renderer uses the
/// same layout to put English where each unit's source was and copy everything else verbatim.
///
/// `Document.text` for Markdown is the text of the translatable blocks with the Markdown removed
/// (markers, link targets, emphasis marks), one paragraph per heading, paragraph, list item,
/// quote or table cell, joined with "\n" like every reader; soft-wrapped lines are one paragraph
/// with a space where the line broke. Code blocks, HTML blocks, rules, images, link reference
/// definitions and front matter are not in it.
public struct MarkdownLayout: Sendable, Equatable {
    /// An emphasis, strong emphasis, link or inline code span inside one paragraph.
    public struct Inline: Sendable, Equatable {
        /// `image` is an inline image: an empty span where it stood, its source in `target` and
        /// its alt text (not translated) in `alt`.
        public enum Kind: String, Sendable, Equatable { case emphasis, strong, link, code, image }
        public var kind: Kind
        /// Scalar offsets in `Document.text` (the marks themselves are not in the text).
        public var start: Int
        public var end: Int
        /// The link target or image source, not translated.
        public var target: String?
        public var alt: String? = nil
    }

    /// One translatable block and where it sits in the source.
    public struct Unit: Sendable, Equatable {
        public var kind: ParagraphKind
        /// Index in `Document.paragraphs`, or nil when the block holds no visible text.
        public var paragraph: Int?
        /// Scalar range of the block's source lines, without the final line break.
        public var source: Range<Int>
        /// What goes before the English on its line: "## ", "> ", "  - ", "3. "; for a table
        /// cell, nothing (the row is rebuilt).
        public var prefix: String
        /// For table cells: the source row (scalar range) the cell belongs to.
        public var row: Range<Int>?
        public var inlines: [Inline]
    }

    public var text: String
    public var paragraphs: [Paragraph]
    public var units: [Unit]
    /// Scalar range of the front matter (`---` … `---`), kept verbatim.
    public var frontMatter: Range<Int>?

    /// Parses decoded Markdown. Throws `BayanError.badInput` when the text is over `maxScalars`.
    public static func parse(_ source: String, maxScalars: Int, fileName: String) throws -> MarkdownLayout {
        let scalars = Array(source.unicodeScalars)
        let front = frontMatterRange(scalars)
        let bodyStart = front.map { $0.upperBound } ?? 0
        // Ink reads "\r\n" less well than "\n" (a CRLF list loses its nesting, a blank line is
        // not blank): it gets the text with CRs dropped (a lone CR as LF), and `original` maps
        // its offsets back to the source's.
        //
        // A "<" that cannot open an HTML tag (not before an ASCII letter, "/", "!" or "?") goes to
        // Ink as "&lt;": Ink passes any "<…>" through as HTML, so «حملة <<الأمن أولاً>>» (Arabic
        // typed with << >> for « ») lost its words. Code is left alone.
        var bodyScalars: [Unicode.Scalar] = []
        var original: [Int] = []
        var inFence = false, inCodeSpan = false, lineStart = true
        for k in bodyStart..<scalars.count {
            let u = scalars[k]
            if lineStart, u == "`", k + 2 < scalars.count, scalars[k + 1] == "`", scalars[k + 2] == "`" { inFence.toggle() }
            lineStart = u == "\n" || u == "\r"
            if u == "\r" {
                if k + 1 < scalars.count, scalars[k + 1] == "\n" { continue }
                bodyScalars.append("\n")
            } else if u == "<", !inFence, !inCodeSpan, !Self.looksLikeTag(scalars, k) {
                bodyScalars += ["&", "l", "t", ";"]
                original += [k, k, k]
            } else {
                if u == "`", !inFence { inCodeSpan.toggle() }
                if u == "\n", k > 0, scalars[k - 1] == "\n" || (k > 1 && scalars[k - 1] == "\r" && scalars[k - 2] == "\n") { inCodeSpan = false }
                bodyScalars.append(u)
            }
            original.append(k)
        }
        original.append(scalars.count)
        try InkLimits.check(bodyScalars, fileName: fileName)
        let blocks = InkBlocks.parseInChunks(bodyScalars)
        var builder = DocumentBuilder(maxScalars: maxScalars, fileName: fileName)
        var units: [Unit] = []
        var b = 0
        while b < blocks.count {
            let block = blocks[b]
            b += 1
            let range = original[block.source.lowerBound]..<original[block.source.upperBound]
            var trimmed = trimLineBreaks(scalars, range)
            if block.target == .paragraphs, let setext = try setextHeading(scalars, trimmed, next: b < blocks.count ? blocks[b] : nil, original: original, fileName: fileName) {
                // Ink has no setext headings: "Title" over "====" or "----" is one here.
                if setext.usesNextBlock { b += 1 }
                trimmed = setext.range
                var unit = Unit(kind: .heading, paragraph: nil, source: trimmed, prefix: setext.prefix, row: nil, inlines: [])
                try place(setext.item, &unit, scalars: scalars, builder: &builder)
                units.append(unit)
                continue
            }
            let items = block.target == .lists
                ? try listItems(scalars, trimmed, fileName: fileName)
                : try BlockHTML.items(block.html, target: block.target, fileName: fileName)
            let firstUnit = units.count
            for item in items {
                var unit = Unit(kind: item.kind, paragraph: nil, source: trimmed, prefix: "", row: nil, inlines: [])
                try place(item, &unit, scalars: scalars, builder: &builder)
                units.append(unit)
            }
            assignSourceLines(&units, firstUnit..<units.count, block: block.target, range: trimmed, scalars: scalars)
        }
        let document = builder.document(SourceInfo(file: fileName, sha256: "", encoding: "", format: "markdown"))
        return MarkdownLayout(text: document.text, paragraphs: document.paragraphs, units: units, frontMatter: front)
    }

    /// A setext heading: a paragraph whose last line is all "=" (level 1), or a paragraph right
    /// above a rule of "-" (level 2, which Ink reads as a paragraph and a rule).
    private static func setextHeading(_ s: [Unicode.Scalar], _ range: Range<Int>, next: InkBlocks.Block?, original: [Int], fileName: String)
        throws -> (item: BlockHTML.Item, range: Range<Int>, prefix: String, usesNextBlock: Bool)?
    {
        let lines = SourceLines.split(s, range)
        func underline(_ line: Range<Int>, _ mark: Unicode.Scalar) -> Bool {
            let t = s[line].filter { $0 != " " && $0 != "\t" }
            return !t.isEmpty && t.allSatisfy { $0 == mark } && SourceLines.indent(s, line) < 4
        }
        var textLines = lines
        var whole = range
        var prefix = "# "
        var usesNext = false
        if lines.count >= 2, let last = lines.last, underline(last, "=") {
            textLines = Array(lines.dropLast())
        } else if let next, next.target == .horizontalLines {
            let nextRange = trimLineBreaks(s, original[next.source.lowerBound]..<original[next.source.upperBound])
            let between = s[range.upperBound..<nextRange.lowerBound]
            guard between.filter({ $0 == "\n" }).count == 1, between.allSatisfy({ $0 == "\n" || $0 == "\r" || $0 == " " }),
                underline(nextRange, "-")
            else { return nil }
            whole = range.lowerBound..<nextRange.upperBound
            prefix = "## "
            usesNext = true
        } else {
            return nil
        }
        let text = textLines.map { SourceLines.string(s[$0]) }.joined(separator: "\n")
        return (try inlineItem(text, kind: .heading, fileName: fileName), whole, prefix, usesNext)
    }

    /// "<" at `k` starts something HTML-shaped: an ASCII letter, "/", "!" or "?" next, a ">" later
    /// on the line before any other "<", and no letter outside ASCII before it except inside
    /// quotes («<b و c>» is text, `<img alt="شعار">` a tag). Stopping at the next "<" keeps the
    /// scans of all the "<" of a text linear.
    static func looksLikeTag(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        guard k + 1 < s.count else { return false }
        let u = s[k + 1]
        guard (u.value >= 0x41 && u.value <= 0x5A) || (u.value >= 0x61 && u.value <= 0x7A) || u == "/" || u == "!" || u == "?"
        else { return false }
        var quote: Unicode.Scalar? = nil
        var j = k + 1
        while j < s.count, s[j] != "\n", s[j] != "\r", s[j] != "<" {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return true
            } else if c.value > 0x7F, c.properties.isAlphabetic {
                return false
            }
            j += 1
        }
        return false
    }

    /// A list block's items, one per marker line with its continuation lines. Ink found the
    /// block; its items are split here because Ink joins items whose marker changes ("-" then
    /// "2.") into one, and each item's text is then parsed by Ink on its own (emphasis, links).
    private static func listItems(_ scalars: [Unicode.Scalar], _ range: Range<Int>, fileName: String) throws -> [BlockHTML.Item] {
        let lines = SourceLines.split(scalars, range)
        return try SourceLines.listItems(scalars, lines).map { item in
            let itemLines = SourceLines.split(scalars, item.range)
            var text = ""
            for (n, line) in itemLines.enumerated() {
                let start = n == 0 ? line.lowerBound + item.prefix.unicodeScalars.count : line.lowerBound + SourceLines.indent(scalars, line)
                if n > 0 { text += "\n" }
                text += SourceLines.string(scalars[min(start, line.upperBound)..<line.upperBound])
            }
            return try inlineItem(text, kind: .listItem, fileName: fileName)
        }
    }

    /// One paragraph of kind `kind` from Markdown that is the content of one (a list item's text,
    /// a setext heading's lines): Ink parses it, and whatever blocks it sees are joined with a
    /// space, their inline marks kept.
    private static func inlineItem(_ markdown: String, kind: ParagraphKind, fileName: String) throws -> BlockHTML.Item {
        var merged = BlockHTML.Item(kind: kind)
        for block in InkBlocks.parse(markdown) {
            let target: Modifier.Target = block.target == .lists || block.target == .headings ? .paragraphs : block.target
            for part in try BlockHTML.items(block.html, target: target, fileName: fileName) {
                if !merged.text.isEmpty, !part.text.isEmpty { merged.text.append(" ") }
                let shift = merged.text.count
                merged.inlines += part.inlines.map { var i = $0; i.start += shift; i.end += shift; return i }
                merged.text += part.text
            }
        }
        return merged
    }

    /// Adds the item's text to the document (trimmed, spaces collapsed already) and records where.
    private static func place(_ item: BlockHTML.Item, _ unit: inout Unit, scalars: [Unicode.Scalar], builder: inout DocumentBuilder) throws {
        var text = item.text
        var lead = 0
        while lead < text.count, ScalarClass.isSpace(text[lead].value) { lead += 1 }
        var end = text.count
        while end > lead, ScalarClass.isSpace(text[end - 1].value) { end -= 1 }
        text = Array(text[lead..<end])
        let before = builder.paragraphs.count
        try builder.add(text, kind: item.kind)
        guard builder.paragraphs.count > before, let p = builder.paragraphs.last else { return }
        unit.paragraph = p.index
        unit.inlines = item.inlines.compactMap { inline in
            let a = min(max(inline.start - lead, 0), text.count), b = min(max(inline.end - lead, 0), text.count)
            guard a < b || (inline.kind == .image && a == b) else { return nil }
            return Inline(kind: inline.kind, start: p.start + a, end: p.start + b, target: inline.target, alt: inline.alt)
        }
    }

    /// Splits a block's source among its units: list items get their own lines and markers,
    /// table cells their rows, headings and quotes their markers.
    private static func assignSourceLines(_ units: inout [Unit], _ mine: Range<Int>, block: Modifier.Target, range: Range<Int>, scalars: [Unicode.Scalar]) {
        let lines = SourceLines.split(scalars, range)
        guard let first = lines.first, !mine.isEmpty else { return }
        let mine = Array(mine)
        switch block {
        case .headings:
            for k in mine { units[k].prefix = SourceLines.headingPrefix(scalars, first) }
        case .blockquotes:
            for k in mine { units[k].prefix = SourceLines.quotePrefix(scalars, first) }
        case .lists:
            let items = SourceLines.listItems(scalars, lines)
            for (n, k) in mine.enumerated() where n < items.count {
                units[k].source = items[n].range
                units[k].prefix = items[n].prefix
            }
        case .tables:
            let rows = lines.filter { !SourceLines.isTableDelimiter(scalars, $0) }
            var cell = 0
            for row in rows {
                let count = SourceLines.tableCells(scalars, row)
                for _ in 0..<count where cell < mine.count {
                    units[mine[cell]].row = row
                    units[mine[cell]].source = row
                    cell += 1
                }
            }
        default:
            break
        }
    }

    /// `---` on the first line, a later line `---` or `...`: YAML front matter.
    static func frontMatterRange(_ s: [Unicode.Scalar]) -> Range<Int>? {
        let lines = SourceLines.split(s, 0..<s.count)
        guard let first = lines.first, SourceLines.string(s[first]).trimmingTrailingSpaces == "---" else { return nil }
        for line in lines.dropFirst() {
            let t = SourceLines.string(s[line]).trimmingTrailingSpaces
            if t == "---" || t == "..." {
                var end = line.upperBound
                if end < s.count, s[end] == "\r" { end += 1 }
                if end < s.count, s[end] == "\n" { end += 1 }
                return 0..<end
            }
        }
        return nil
    }

    static func trimLineBreaks(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b, s[a] == "\n" || s[a] == "\r" { a += 1 }
        while b > a, s[b - 1] == "\n" || s[b - 1] == "\r" || s[b - 1] == " " || s[b - 1] == "\t" { b -= 1 }
        return a..<b
    }
}

/// Input Ink cannot take safely: it parses links and nested lists by recursion and retries an
/// unclosed "[" at every later one, so hundreds of unclosed brackets take minutes and thousands,
/// or lists nested thousands deep, overflow the stack (found by feeding it such files). Releases
/// never come near these limits; a file over them is refused with a way out.
enum InkLimits {
    /// "[" open at once (nested), or "<" without ">", within one paragraph.
    static let maxOpen = 32
    /// "[" never closed in one paragraph, and the sum over paragraphs of 2^unclosed.
    static let maxUnclosed = 10
    static let maxUnclosedCost = 1 << 14
    /// Spaces before a list marker (16 levels at 3 spaces each).
    static let maxListIndent = 48

    static func check(_ s: [Unicode.Scalar], fileName: String) throws {
        var brackets = 0, maxBrackets = 0, angles = 0, maxAngles = 0, unclosedCost = 0, parens = 0
        var lineStart = true
        var indent = 0
        var blankLine = true
        func paragraphEnds() throws {
            // Ink retries every "[" left open at the end of a paragraph inside every other one:
            // the time doubles with each (20 take 20 s), so they are limited per paragraph and
            // across the file.
            unclosedCost += 1 << min(brackets, 30)
            if maxBrackets > maxOpen || brackets > maxUnclosed || unclosedCost > maxUnclosedCost {
                throw BayanError.badInput(
                    "\(fileName) has too many '[' left open in its paragraphs (more than \(maxOpen) at once, or \(maxUnclosed) never closed), which Bayan does not read as Markdown. Close or escape the brackets (\\[), or save the file as .txt to have it read line by line, and drop it again.")
            }
            if angles > maxOpen || maxAngles > maxOpen {
                throw BayanError.badInput(
                    "\(fileName) has more than \(maxOpen) '<' without a '>' in one paragraph, which Bayan does not read as Markdown. Escape them (\\<), or save the file as .txt to have it read line by line, and drop it again.")
            }
            if parens > maxOpen {
                throw BayanError.badInput(
                    "\(fileName) has more than \(maxOpen) '(' without a ')' in one paragraph, which Bayan does not read as Markdown. Close or escape them (\\(), or save the file as .txt to have it read line by line, and drop it again.")
            }
            brackets = 0; maxBrackets = 0; angles = 0; maxAngles = 0; parens = 0
        }
        for (k, u) in s.enumerated() {
            if u == "\n" {
                if blankLine { try paragraphEnds() }
                lineStart = true; indent = 0; blankLine = true
                continue
            }
            if lineStart {
                if u == " " { indent += 1; continue }
                if u == "\t" { indent += 4; continue }
                lineStart = false
                let next = k + 1 < s.count ? s[k + 1] : " "
                let isMarker = ((u == "-" || u == "*" || u == "+") && next == " ") || (u.value >= 0x30 && u.value <= 0x39)
                if isMarker, indent > maxListIndent {
                    throw BayanError.badInput(
                        "\(fileName) has a list indented \(indent) spaces deep, more than Bayan reads as Markdown (\(maxListIndent)). Flatten the list, or save the file as .txt to have it read line by line, and drop it again.")
                }
            }
            if u != " " && u != "\t" { blankLine = false }
            switch u {
            case "[": brackets += 1; maxBrackets = max(maxBrackets, brackets)
            case "]": brackets = max(0, brackets - 1)
            case "<": angles += 1; maxAngles = max(maxAngles, angles)
            case ">": angles = 0
            case "(": parens += 1
            case ")": parens = max(0, parens - 1)
            default: break
            }
        }
        try paragraphEnds()
    }
}

/// Ink's top-level blocks with their raw source, collected through its modifiers (the public
/// hook that sees each block's Markdown beside its HTML).
enum InkBlocks {
    struct Block {
        var target: Modifier.Target
        var source: Range<Int>
        var html: String
    }

    final class Collector {
        var blocks: [Block] = []
    }

    static var blockTargets: [Modifier.Target] {[
        .headings, .paragraphs, .lists, .blockquotes, .codeBlocks, .html, .horizontalLines, .tables, .images,
    ]}

    /// Parses the text a chunk at a time (chunks end at blank lines outside fenced code), so a
    /// construct Ink rescans costs at most its own paragraph; link reference definitions are
    /// given to every chunk so reference links resolve.
    static func parseInChunks(_ s: [Unicode.Scalar]) -> [Block] {
        let lines = SourceLines.split(s, 0..<s.count)
        var definitions = ""
        for line in lines where SourceLines.isLinkDefinition(s, line) { definitions += SourceLines.string(s[line]) + "\n" }
        var blocks: [Block] = []
        var chunkStart = 0
        var inFence = false
        func flush(_ end: Int) {
            guard end > chunkStart else { return }
            let text = SourceLines.string(s[chunkStart..<end]) + (definitions.isEmpty ? "" : "\n\n" + definitions)
            let limit = end - chunkStart
            for var block in parse(text) where block.source.lowerBound < limit {
                block.source = (block.source.lowerBound + chunkStart)..<(min(block.source.upperBound, limit) + chunkStart)
                blocks.append(block)
            }
            chunkStart = end
        }
        for line in lines {
            if SourceLines.isFence(s, line) { inFence.toggle() }
            if !inFence, line.isEmpty || s[line].allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush(min(line.upperBound + 1, s.count))
            }
        }
        flush(s.count)
        return blocks
    }

    /// A paragraph put before every text Ink parses, and dropped from what it returns: Ink reads
    /// "---" at the very start as front matter and traps on "---\n" followed only by spaces
    /// (found by MarkdownPropertyTests); front matter is Bayan's own business (`frontMatterRange`).
    /// Block ranges past the end of `text` are clamped by the callers.
    static let guardPrefix = "x\n\n"

    static func parse(_ text: String) -> [Block] {
        let shift = guardPrefix.unicodeScalars.count
        // Ink's list reader also traps when spaces end the text ("- a\n  "): end it with a line
        // break instead (only the text's end changes, after every block).
        var end = Substring(text)
        while let last = end.last, last == " " || last == "\t" || last == "\n" { end = end.dropLast() }
        let body = guardPrefix + end + "\n"
        let collector = Collector()
        let utf8Starts = ScalarIndex(body)
        var parser = MarkdownParser()
        for target in blockTargets {
            parser.addModifier(Modifier(target: target) { input in
                let a = utf8Starts.scalarOffset(input.markdown.startIndex)
                let b = utf8Starts.scalarOffset(input.markdown.endIndex)
                // Images inside a paragraph come through here too; only top-level ones matter,
                // and those are not translated, so images are never recorded.
                if target != .images { collector.blocks.append(Block(target: target, source: a..<b, html: input.html)) }
                return input.html
            })
        }
        _ = parser.parse(body)
        // Ink renders blocks in document order; nested images aside, nothing overlaps.
        return collector.blocks.filter { $0.source.lowerBound >= shift }.map { block in
            var b = block
            b.source = (block.source.lowerBound - shift)..<(block.source.upperBound - shift)
            return b
        }.sorted { $0.source.lowerBound < $1.source.lowerBound }
    }

    /// UTF-8 offset → scalar offset for indices of one string.
    struct ScalarIndex {
        var scalarAtByte: [Int32]
        let base: String

        init(_ s: String) {
            base = s
            var table = [Int32](repeating: 0, count: s.utf8.count + 1)
            var byte = 0, scalar: Int32 = 0
            for u in s.unicodeScalars {
                let w = UTF8.width(u)
                for k in 0..<w { table[byte + k] = scalar }
                byte += w
                scalar += 1
            }
            table[byte] = scalar
            scalarAtByte = table
        }

        func scalarOffset(_ index: String.Index) -> Int {
            let byte = base.utf8.distance(from: base.utf8.startIndex, to: index)
            return Int(scalarAtByte[max(0, min(byte, scalarAtByte.count - 1))])
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
