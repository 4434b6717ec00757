import Testing

@testable import CareerKit

@Suite struct SafeFileNameTests {
    @Test func namesNeverLeaveTheirFolderAndKeepTheirLetters() {
        #expect(SafeFileName.make("../../x") == "x")
        #expect(SafeFileName.make("a/b") == "a-b")
        #expect(SafeFileName.make("..") == "person")
        #expect(SafeFileName.make(".hidden") == "hidden")
        #expect(SafeFileName.make("Zoë Ångström") == "Zoë-Ångström")
        #expect(SafeFileName.make("李雷") == "李雷")
        #expect(SafeFileName.make("Ana\u{1B}[31m") == "Ana-31m")
        #expect(SafeFileName.make(String(repeating: "a", count: 200)).count == 80)
    }
}
