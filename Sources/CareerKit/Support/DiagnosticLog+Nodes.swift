import Foundation
import Yams

/// The fields of one YAML/JSON mapping, with the node of each key for positions.
struct Fields {
    let mark: Mark?
    /// Each key's value and where the key is written: one table, so a key costs one lookup.
    private var entries: [String: (value: Node, keyMark: Mark?)] = [:]
    private(set) var order: [String] = []

    init(mark: Mark?, capacity: Int = 0) {
        self.mark = mark
        entries.reserveCapacity(capacity)
        order.reserveCapacity(capacity)
    }

    subscript(key: String) -> Node? { entries[key]?.value }

    mutating func set(_ key: String, _ value: Node, keyMark: Mark?) {
        if entries.updateValue((value, keyMark), forKey: key) == nil { order.append(key) }
    }

    /// The position of a key, or of the mapping when the key is absent.
    func mark(of key: String) -> Mark? { entries[key]?.keyMark ?? mark }
}

extension Node {
    /// True for an explicit null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of what kind of value the node is, for error messages.
    var kindName: String {
        switch self {
        case .scalar: return isNull ? "nothing" : PrintableText.quoted(scalar?.string ?? "")
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension DiagnosticLog {
    /// Reads a mapping with string keys. Reports keys outside `allowed` and missing `required` keys.
    func fields(
        _ node: Node?, _ what: String, allowed: [String]? = nil, required: [String] = [], parentMark: Mark? = nil
    ) -> Fields? {
        guard let node else {
            add("\(what) is missing", at: parentMark)
            return nil
        }
        guard case .mapping(let mapping) = node else {
            add("\(what) must be a mapping of keys to values, found \(node.kindName)", at: node.mark)
            return nil
        }
        var fields = Fields(mark: node.mark, capacity: mapping.count)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                add("\(what) has a key that is not plain text", at: key.mark)
                continue
            }
            if let allowed, !allowed.contains(name) {
                add(
                    "\(what) has an unknown key \(PrintableText.quoted(name)); allowed: \(allowed.joined(separator: ", "))",
                    at: key.mark)
                continue
            }
            fields.set(name, value, keyMark: key.mark)
        }
        for key in required where fields[key] == nil || fields[key]!.isNull {
            add("\(what) needs '\(key)'", at: fields[key]?.mark ?? node.mark)
        }
        return fields
    }

    /// Reads a scalar as text, without control characters (line breaks and tabs stay): what
    /// a prompts file says reaches terminals, plans and spreadsheets. Mappings and lists are
    /// reported.
    func string(_ node: Node?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard case .scalar(let scalar) = node else {
            add("\(what) must be a single value, found \(node.kindName)", at: node.mark)
            return nil
        }
        return PrintableText.stripped(scalar.string)
    }

    /// Reads a non-empty line of text.
    func text(_ node: Node?, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        let trimmed = value.trimmingWhitespaceAndNewlines()
        if trimmed.isEmpty {
            add("\(what) must not be empty", at: node?.mark)
            return nil
        }
        return trimmed
    }

    /// Reads a whole number, optionally within `range`.
    func integer(_ node: Node?, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let raw = string(node, what) else { return nil }
        guard let value = Int(raw.trimmingWhitespace()) else {
            add("\(what) must be a whole number, found \(PrintableText.quoted(raw))", at: node?.mark)
            return nil
        }
        if let range, !range.contains(value) {
            add("\(what) is \(value); allowed: \(range.lowerBound)..\(range.upperBound)", at: node?.mark)
            return nil
        }
        return value
    }

    /// Reads a finite number no lower than `minimum`.
    func number(_ node: Node?, _ what: String, minimum: Double? = nil) -> Double? {
        guard let raw = string(node, what) else { return nil }
        guard let value = Double(raw.trimmingWhitespace()), value.isFinite else {
            add("\(what) must be a number, found \(PrintableText.quoted(raw))", at: node?.mark)
            return nil
        }
        if let minimum, value < minimum {
            add("\(what) is \(PrintableText.excerpt(raw)); allowed: \(formatNumber(minimum)) or more", at: node?.mark)
            return nil
        }
        return value
    }

    /// Reads one of `allowed` values.
    func oneOf(_ node: Node?, _ what: String, _ allowed: [String]) -> String? {
        guard let raw = string(node, what) else { return nil }
        guard allowed.contains(raw) else {
            add("\(what) is \(PrintableText.quoted(raw)); allowed: \(allowed.joined(separator: ", "))", at: node?.mark)
            return nil
        }
        return raw
    }

    /// Reads true or false.
    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let raw = string(node, what) else { return nil }
        switch raw.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            add("\(what) must be true or false, found \(PrintableText.quoted(raw))", at: node?.mark)
            return nil
        }
    }

    /// Reads a list, returning each element's node.
    func list(_ node: Node?, _ what: String) -> [Node]? {
        guard let node, !node.isNull else { return nil }
        guard case .sequence(let sequence) = node else {
            add("\(what) must be a list, found \(node.kindName)", at: node.mark)
            return nil
        }
        return Array(sequence)
    }

    /// Reads a list of texts, each one of `allowed` when given, none twice (a value written
    /// twice is a slip that would count it twice).
    ///
    /// - Parameter describeAllowed: words for what is allowed instead of the whole list, given
    ///   the value refused, where the list is too long for one line.
    func stringList(
        _ node: Node?, _ what: String, allowed: [String]? = nil, describeAllowed: ((String) -> String)? = nil
    ) -> [String]? {
        guard let elements = list(node, what) else { return nil }
        var result: [String] = []
        var seen: Set<String> = []
        for element in elements {
            guard let value = string(element, "an entry of \(what)") else { continue }
            guard seen.insert(value).inserted else {
                add("\(what) lists \(PrintableText.quoted(value)) twice", at: element.mark)
                continue
            }
            if let allowed, !allowed.contains(value) {
                let words = describeAllowed?(value) ?? allowed.joined(separator: ", ")
                add("\(what) has \(PrintableText.quoted(value)); allowed: \(words)", at: element.mark)
                continue
            }
            result.append(value)
        }
        return result
    }
}

