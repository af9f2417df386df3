import Testing
@testable import CarnotRegistry

/// Ids are short, lower-case and safe in every output.
struct EntityIDTests {
    @Test(arguments: ["tsn", "imt-atlantique", "carnot-2", "a", "3bcar", "x.y_z", String(repeating: "a", count: 64)])
    func anIdFollowingTheRuleIsAccepted(_ text: String) {
        #expect(EntityID(text)?.rawValue == text)
    }

    @Test(arguments: ["", "TSN", "-tsn", ".tsn", "imt atlantique", "télécom", "a;drop", String(repeating: "a", count: 65)])
    func anIdBreakingTheRuleIsRefused(_ text: String) {
        #expect(EntityID(text) == nil)
    }
}
