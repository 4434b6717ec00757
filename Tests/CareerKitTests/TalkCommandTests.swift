import Testing

@testable import CareerKit

@Suite("talk commands")
struct TalkCommandTests {
    @Test func aWordNamesACommandInFullOrShortInAnyCase() {
        #expect(TalkCommand(word: ":back") == .back)
        #expect(TalkCommand(word: ":B") == .back)
        #expect(TalkCommand(word: ":exit") == .quit)
        #expect(TalkCommand(word: ":q") == .quit)
        #expect(TalkCommand(word: ":s") == .skip)
        #expect(TalkCommand(word: ":sa") == nil)
        #expect(TalkCommand(word: "back") == nil)
    }

    @Test func aLineSplitsIntoCommandAndArgument() {
        let parsed = TalkCommand.parse("  :note   wants the on-call rotation ")
        #expect(parsed.command == .note)
        #expect(parsed.word == ":note")
        #expect(parsed.argument == "wants the on-call rotation")
        #expect(TalkCommand.parse(":nope x").command == nil)
        #expect(TalkCommand.parse(":nope x").word == ":nope")
    }

    @Test func shortFormsNeverCollide() {
        let all = TalkCommand.allCases.flatMap { [$0.name] + $0.aliases }
        #expect(Set(all).count == all.count)
        #expect(TalkCommand.allCases.map(\.usage).joined(separator: " ") == ":help :back :skip :review [SECTION] :fit :note TEXT :who :save :quit")
    }

    @Test func aNoteInAnyFormStaysOutOfTheLineHistory() {
        #expect(LineHistory.keeping(":N Ana wants to stay hands-on") == .nowhere)
        #expect(LineHistory.keeping(":note") == .nowhere)
        #expect(LineHistory.keeping(":save") == .file)
    }
}
