import CairnResources
import JourneyModel

/// What a new journey can start from: a blank journey or one of the pre-built journeys that
/// ship inside cairn (`sample-journeys/*.journey.yaml`).
struct JourneyTemplate: Sendable, Hashable {
    var name: String
    var description: String
    /// `nil` for the blank journey.
    var journey: Journey?

    static let blank = JourneyTemplate(
        name: "Blank", description: "An entry on lead.created and an exit: build from there", journey: nil)

    /// The blank journey and the pre-built ones, in file order.
    static let all: [JourneyTemplate] = {
        let prebuilt = CairnResources.paths(under: "sample-journeys", suffix: ".journey.yaml").compactMap {
            path -> JourneyTemplate? in
            guard let text = CairnResources.files[path],
                let journey = JourneyReader.read(bytes: Array(text.utf8), file: path).journey
            else { return nil }
            return JourneyTemplate(
                name: journey.name, description: journey.description ?? "", journey: journey)
        }
        return [blank] + prebuilt
    }()

    /// The template as a new journey with this id and name.
    func makeJourney(id: String, name: String) -> Journey {
        var journey =
            self.journey
            ?? Journey(
                id: id, name: name, entry: Entry(trigger: .event("lead.created"), next: "done"),
                nodes: [JourneyNode(id: "done", body: .exit(ExitStep(reason: "end of the journey")))])
        journey.id = id
        journey.name = name
        return journey
    }
}

/// Journey ids (slugs) from the names people type: "Spring promo!" → `spring-promo`.
enum JourneySlug {
    static func from(name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}
