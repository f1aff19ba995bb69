import BayanCore
/// Writes TBX-Basic v3 (`urn:iso:std:iso:30042:ed-2`, `style="dca"`) for CAT tools. `avoid`
/// renderings are written as English terms with administrativeStatus deprecatedTerm-admn-sts,
/// the `note` as a definition, and `exact` entries carry `<note>match: exact</note>` so that
/// nothing staff wrote is lost in a round trip (kept apart from the note, so a note that happens
/// to read "match: exact" stays a note).
public enum TBXWriter {
    /// The text of the `<note>` that marks an `exact` entry.
    public static let exactMark = "match: exact"

    public static func write(_ glossary: Glossary, title: String = "Bayan customs glossary") -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader>
            <fileDesc>
              <sourceDesc><p>\(escape(title)); version \(glossary.version)</p></sourceDesc>
            </fileDesc>
          </tbxHeader>
          <text>
            <body>

        """
        for (i, e) in glossary.entries.enumerated() {
            out += "      <conceptEntry id=\"c\(i + 1)\">\n"
            if !e.note.isEmpty {
                out += "        <descrip type=\"definition\">\(escape(e.note))</descrip>\n"
            }
            if e.exact { out += "        <note>\(exactMark)</note>\n" }
            out += "        <langSec xml:lang=\"ar\">\n"
            out += "          <termSec><term>\(escape(e.ar))</term></termSec>\n"
            out += "        </langSec>\n"
            out += "        <langSec xml:lang=\"en\">\n"
            out += "          <termSec><term>\(escape(e.en))</term>"
            out += "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec>\n"
            for avoid in e.avoid {
                out += "          <termSec><term>\(escape(avoid))</term>"
                out += "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></termSec>\n"
            }
            out += "        </langSec>\n"
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
