/// Named character references: the five of XML, and the HTML ones met in news pages.
enum HTMLEntities {
    static let xml: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    static let html: [String: String] = [
        "nbsp": "\u{00A0}", "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "sbquo": "‚", "bdquo": "„", "hellip": "…", "mdash": "—", "ndash": "–", "minus": "−",
        "rlm": "\u{200F}", "lrm": "\u{200E}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{00AD}",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "times": "×", "divide": "÷", "middot": "·",
        "bull": "•", "para": "¶", "sect": "§", "euro": "€", "pound": "£", "cent": "¢", "yen": "¥",
        "percnt": "%", "permil": "‰", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "sup2": "²", "sup3": "³", "micro": "µ", "prime": "′", "Prime": "″", "larr": "←", "rarr": "→",
        "iexcl": "¡", "iquest": "¿", "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç",
        "ouml": "ö", "uuml": "ü", "auml": "ä", "szlig": "ß", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}", "colon": ":", "comma": ",", "period": ".", "excl": "!", "quest": "?",
        "lpar": "(", "rpar": ")", "sol": "/", "bsol": "\\", "num": "#", "dollar": "$", "ast": "*",
        "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"", "NewLine": "\n", "Tab": "\t",
    ]
}
