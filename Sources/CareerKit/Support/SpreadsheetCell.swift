/// Cells written to CSV files that a spreadsheet opens.
public enum SpreadsheetCell {
    /// A cell that a spreadsheet could run as a formula gets a leading `'`, so it shows as
    /// text. OWASP's CSV-injection guidance lists cells starting with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return; spreadsheets also skip leading spaces and line breaks before
    /// such a sign, and some read the full-width and small forms (`＝ ＋ － ＠`, `﹦ ﹢ ﹣ ﹫`)
    /// and the minus sign `−` as the ASCII ones. So: a cell whose first character is one of
    /// those signs, a tab, a carriage return or a line feed, or whose first character after
    /// leading white space is one of the signs.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if isFormulaSign(first) || first == "\t" || first == "\r" || first == "\n" { return "'" + text }
        guard first.properties.isWhitespace,
            let sign = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }), isFormulaSign(sign)
        else { return text }
        return "'" + text
    }

    /// `=`, `+`, `-`, `@` and the forms a spreadsheet may read as them.
    static func isFormulaSign(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3D, 0x2B, 0x2D, 0x40: return true  // = + - @
        case 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20: return true  // full-width ＝ ＋ － ＠
        case 0xFE66, 0xFE62, 0xFE63, 0xFE6B: return true  // small ﹦ ﹢ ﹣ ﹫
        case 0x2212: return true  // minus sign −
        default: return false
        }
    }
}
