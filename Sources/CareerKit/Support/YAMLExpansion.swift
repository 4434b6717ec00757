import CYaml

/// Bounds what the anchors and aliases of a YAML text expand to, before anything walks it.
///
/// An alias (`*name`) stands for a copy of the anchored value (`&name`), so twelve nested
/// anchors of ten aliases each make a 2.5 KB file expand to 10^12 values: every walk of the
/// composed tree, and Yams's own check for duplicate keys, would never end. This reads the
/// text's events once (libyaml, through Yams's copy of it), keeping each anchor's expanded
/// size, and refuses the text as soon as the total passes the limit: the work is linear in the
/// text's length, whatever the aliases would expand to.
enum YAMLExpansion {
    /// The most values (scalars, lists and mappings, counting every alias as the values it
    /// stands for) a document may expand to: the shipped catalog, the largest file careerpath
    /// reads, has about 9,000.
    static let valueLimit = 200_000

    struct Refusal: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The refusal, or nil when the text stays within the limit. A text libyaml cannot read is
    /// not judged here: composing it reports the syntax error with its position.
    static func check(_ text: String, limit: Int = valueLimit) -> Refusal? {
        // No alias without a `*`: the common case costs one byte scan.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var sizes: [String: Int] = [:]
            // Each open list or mapping: its anchor and the values inside it so far.
            var open: [(anchor: String?, inside: Int)] = []
            var total = 0
            /// A value of `size` values, of which `new` are not counted in the total yet (a
            /// closed list's or mapping's contents were counted as they came).
            func add(_ size: Int, new: Int) {
                total += new
                if !open.isEmpty { open[open.count - 1].inside += size }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                    add(1, new: 1)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 0))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { return nil }
                    let size = closed.inside + 1
                    if let anchor = closed.anchor { sizes[anchor] = size }
                    add(size, new: 1)
                case YAML_ALIAS_EVENT:
                    let anchor = name(event.data.alias.anchor) ?? ""
                    let size = sizes[anchor] ?? 1
                    add(size, new: size)
                    if total > limit {
                        return Refusal(
                            message: "the aliases expand this file to more than \(limit) values (at \(PrintableText.quoted("*" + anchor))); write the values out instead",
                            line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                default:
                    break
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
