/// One value of an answers document, named by its CSV header (`person.name`,
/// `contributor.depth.mastery`, ...) and located in its file.
struct AnswerEntry {
    var key: String
    var raw: RawAnswer
    var line: Int
    var column: Int
}
