import Mustache

/// A text the report templates may show, worked out only when a template asks for it: the
/// shipped templates leave some documented keys unused, and bulk renders thousands of plans.
/// `{{key}}` escapes it like any other text.
struct LazyText: MustacheCustomRenderable {
    let make: () -> String

    init(_ make: @escaping () -> String) { self.make = make }

    var renderText: String { make() }
    var isNull: Bool { false }
}
