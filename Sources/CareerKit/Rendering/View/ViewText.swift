import Mustache

/// A text the report templates insert: rendered as it is (escaped by the template's content
/// type), without the `String(describing:)` a plain value goes through.
struct ViewText: MustacheCustomRenderable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
}

/// A group of keys reached with a dot, such as `person.name`, answered on demand.
struct ViewGroup: MustacheParent {
    let answer: (String) -> Any?

    func child(named name: String) -> Any? { answer(name) }
}

/// A row of a list (an activity, a check-in, a dimension): its own keys first, then, as
/// Mustache would find them further up the stack, the document's.
struct ViewRow: MustacheParent {
    let own: (String) -> Any?
    /// The document holds its rows; a row only points back.
    unowned let root: PlanView

    func child(named name: String) -> Any? { own(name) ?? root.child(named: name) }
}

extension Array where Element == String {
    /// The texts as values the templates insert.
    var viewTexts: [ViewText] { map(ViewText.init) }
}
