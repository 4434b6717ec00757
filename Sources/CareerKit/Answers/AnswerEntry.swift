/// One value of an answers document, named by its CSV header (`person.name`,
/// `contributor.depth.mastery`, ...) and located in its file.
struct AnswerEntry {
    var key: String
    var raw: RawAnswer
    var line: Int
    var column: Int
    /// The item the key names, when the caller has resolved it already (a CSV sheet
    /// resolves each column once, not once per row); nil to have the key read.
    var target: Target? = nil

    struct Target {
        var role: Role
        var id: String
        var item: BankItem
    }
}
