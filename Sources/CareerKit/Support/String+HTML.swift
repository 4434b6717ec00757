extension String {
    /// The text made safe inside HTML or SVG, in an element or a quoted attribute.
    var htmlEscaped: String {
        replacingCharacters(ifAnyByte: Self.needsHTMLEscape) {
            switch $0 {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// The bytes `htmlEscaped` changes: & < > " and '.
    private static func needsHTMLEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
