import Testing

@testable import Workspace

@Test func moduleIsLinked() {
    #expect(WorkspaceModule.name == "Workspace")
}
