/// Line-level facts about Markdown source that Ink does not hand back: where each list item's
/// lines are and what its marker is, a heading's or quote's marker, a table's rows and cells.
/// Used only inside a block Ink has already recognised.
enum SourceLines {
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Lines of `range` without their line breaks ("\n", "\r\n" or "\r").
    static func split(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var a = range.lowerBound
        var k = a
        while k < range.upperBound {
            if s[k] == "\n" || s[k] == "\r" {
                out.append(a..<k)
                if s[k] == "\r", k + 1 < range.upperBound, s[k + 1] == "\n" { k += 1 }
                a = k + 1
            }
            k += 1
        }
        if a < range.upperBound { out.append(a..<range.upperBound) }
        return out
    }

    static func indent(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Int {
        var k = line.lowerBound
        while k < line.upperBound, s[k] == " " || s[k] == "\t" { k += 1 }
        return k - line.lowerBound
    }

    /// "## " of "## عنوان ##".
    static func headingPrefix(_ s: [Unicode.Scalar], _ line: Range<Int>) -> String {
        var k = line.lowerBound + indent(s, line)
        var hashes = 0
        while k < line.upperBound, s[k] == "#" { hashes += 1; k += 1 }
        return String(repeating: "#", count: max(1, min(hashes, 6))) + " "
    }

    /// "> " of a quote's first line, with the quote's own indentation.
    static func quotePrefix(_ s: [Unicode.Scalar], _ line: Range<Int>) -> String {
        String(repeating: " ", count: min(indent(s, line), 3)) + "> "
    }

    /// The marker at the start of a line: "-", "*", "+", "1.", "1)"; returns the end of the marker
    /// and the spaces after it.
    static func listMarker(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Int? {
        var k = line.lowerBound + indent(s, line)
        guard k < line.upperBound else { return nil }
        if s[k] == "-" || s[k] == "*" || s[k] == "+" {
            k += 1
        } else {
            let digitsStart = k
            while k < line.upperBound, k - digitsStart < 9, s[k].value >= 0x30, s[k].value <= 0x39 { k += 1 }
            guard k > digitsStart, k < line.upperBound, s[k] == "." || s[k] == ")" else { return nil }
            k += 1
        }
        guard k == line.upperBound || s[k] == " " || s[k] == "\t" else { return nil }
        while k < line.upperBound, s[k] == " " || s[k] == "\t" { k += 1 }
        return k
    }

    /// Each list item of a list block: its lines (the marker line and its continuation lines)
    /// and its prefix (indentation, marker and spacing as written).
    static func listItems(_ s: [Unicode.Scalar], _ lines: [Range<Int>]) -> [(range: Range<Int>, prefix: String)] {
        var out: [(range: Range<Int>, prefix: String)] = []
        for line in lines {
            if let textStart = listMarker(s, line) {
                out.append((line, string(s[line.lowerBound..<textStart])))
            } else if let last = out.last, line.upperBound > line.lowerBound {
                out[out.count - 1].range = last.range.lowerBound..<line.upperBound
            }
        }
        return out
    }

    /// "```" (or "~~~") opening or closing a fenced code block.
    static func isFence(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        let k = line.lowerBound + indent(s, line)
        return k + 2 < line.upperBound && ((s[k] == "`" && s[k + 1] == "`" && s[k + 2] == "`") || (s[k] == "~" && s[k + 1] == "~" && s[k + 2] == "~"))
    }

    /// "[name]: target": a link reference definition.
    static func isLinkDefinition(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        let k = line.lowerBound + indent(s, line)
        guard k < line.upperBound, s[k] == "[", let close = s[k..<line.upperBound].firstIndex(of: "]") else { return false }
        return close + 1 < line.upperBound && s[close + 1] == ":"
    }

    static func isTableDelimiter(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        let t = s[line].filter { $0 != " " && $0 != "\t" }
        return !t.isEmpty && t.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" } && t.contains("-")
    }

    /// Cells in a table row "| a | b |" (outer pipes optional, "\|" escaped).
    static func tableCells(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Int {
        cellTexts(s, line).count
    }

    static func cellTexts(_ s: [Unicode.Scalar], _ line: Range<Int>) -> [String] {
        var cells: [String] = []
        var current = String.UnicodeScalarView()
        var k = line.lowerBound
        while k < line.upperBound {
            if s[k] == "\\", k + 1 < line.upperBound, s[k + 1] == "|" {
                current.append("|"); k += 2; continue
            }
            if s[k] == "|" { cells.append(String(current)); current = String.UnicodeScalarView() } else { current.append(s[k]) }
            k += 1
        }
        cells.append(String(current))
        if let first = cells.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { cells.removeFirst() }
        if let last = cells.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { cells.removeLast() }
        return cells
    }
}
