import CairnResources
import Hummingbird

/// `GET /api/openapi.yaml`: the API's description, `docs/openapi.yaml` as the binary carries it.
struct OpenAPIRoute {
    static let path = "docs/openapi.yaml"

    static var document: String { CairnResources.files[path] ?? "" }

    func register(on router: Router<APIRequestContext>) {
        router.get("/api/openapi.yaml") { _, _ in
            APIResponse.text(Self.document, contentType: "application/yaml")
        }
    }
}
